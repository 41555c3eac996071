/**
 * Rule- and gazetteer-based entity extraction (issue 4): catalog vocabulary (categories, brands, colours,
 * materials, attributes, gender) found by longest match in English, Traditional and Simplified Chinese, plus
 * rules for prices, currencies, sizes, quantities, order numbers, coupon codes, e-mail addresses and phone
 * numbers. Pure Java, immutable and thread-safe; see {@link dev.parley.nlu.entities.EntityExtractor}.
 *
 * <p>Conventions, following the majority of the seed markup ({@code db/seed/nlu}) where it is inconsistent:
 * <ul>
 * <li>A price span includes a currency symbol written before it ({@code NT$4,000}, {@code $2000}) but not a
 * unit after it ({@code [500]元以內}, {@code [500]块以内}); currency codes and names ({@code USD}, {@code 台幣},
 * {@code RMB}) and foreign symbols ({@code US$}) are separate {@code currency} entities. No currency entity for
 * the store's own {@code NT$}/{@code $}.</li>
 * <li>"around / about / budget / 大概 / 左右 / 預算" make a {@code price_max} (the seed marks "budget about NT$6000"
 * and "預算3000左右" so); how much tolerance to allow is the conversation's business.</li>
 * <li>An amount is a price only with a bound cue; a message about a threshold, a coupon's value or a charge
 * (free shipping over, 滿千折百, charged, 券) has no price entities.</li>
 * <li>Size spans include {@code 號/碼} after the number and {@code US} before it ({@code [9號]}, {@code [US 9]}),
 * not {@code size}, {@code EU}, {@code 歐碼}, {@code 腰圍} or {@code 腰} ({@code size [9]}, {@code 腰圍[30]});
 * litres read {@code 25L}; {@code 中號} is {@code M}, {@code 大號} {@code L}, {@code 小號} {@code S}.</li>
 * <li>A Chinese quantity includes its classifier ({@code [兩件]}); English nouns stay out ({@code [3] pairs});
 * "一件" counts only after a cart verb (再加、要、來、買、留、改成…), not as an article ("想買一件外套"); counts in a
 * comparison ("這兩件哪件比較暖") are not quantities.</li>
 * <li>{@code recycled} is an attribute (the Chinese seed files mark 回收 so; the English ones call it a material);
 * {@code 外套} is {@code jacket} and {@code 羽絨外套/羽绒服/大衣} {@code coat}, as the seed marks them.</li>
 * <li>Words inside an English Title Case product name ("the Xueshan Expedition Down Coat", "the Paiyun boots")
 * are no entities; Chinese product names are not recognised.</li>
 * </ul>
 */
package dev.parley.nlu.entities;
