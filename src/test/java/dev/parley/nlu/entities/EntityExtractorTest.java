package dev.parley.nlu.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule families of {@link EntityExtractor} on the examples of issue 4. */
class EntityExtractorTest {

    static final EntityExtractor EXTRACTOR = EntityExtractor.builtIn().withVocabulary(Vocabulary.builtIn()
            .merge(List.of("coat", "jacket", "sneakers"), List.of("Yushan Ridge", "Plum Rain Co.", "Kite & Compass"),
                    List.of("waterproof", "men", "all-season", "organic-cotton"), List.of("navy", "charcoal")));

    static List<Entity> extract(String text, String language) {
        List<Entity> entities = EXTRACTOR.extract(text, language);
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            assertEquals(e.text(), text.substring(e.start(), e.end()), "offsets of " + e + " in " + text);
            if (i > 0) {
                assertTrue(entities.get(i - 1).end() <= e.start(), "overlap or order in " + entities);
            }
        }
        return entities;
    }

    static List<String> of(String text, String language, EntityType type) {
        return extract(text, language).stream().filter(e -> e.type() == type).map(Entity::value).toList();
    }

    static Entity only(String text, String language, EntityType type) {
        List<Entity> found = extract(text, language).stream().filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), type + " in '" + text + "': " + found);
        return found.get(0);
    }

    @Nested
    class Money {

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "有沒有兩百以內的襪子|zh-TW|200|兩百",
            "兩千五以內的羽絨外套|zh-TW|2500|兩千五",
            "預算1.5萬左右|zh-TW|15000|1.5萬",
            "max 3k for a jacket|en|3000|3k",
            "jackets under NT$4,000|en|4000|NT$4,000",
            "500元以內的禮物|zh-TW|500|500",
            "3000塊以下的外套|zh-TW|3000|3000",
            "500块以内的卫衣有吗|zh-CN|500|500",
            "一萬二以內|zh-TW|12000|一萬二",
            "二百五以下的帽子|zh-CN|250|二百五",
            "2千以内的包|zh-CN|2000|2千",
            "coats below 1500.5|en|1500.5|1500.5",
            "不超過三千塊|zh-TW|3000|三千",
            "不超过五百元的袜子|zh-CN|500|五百",
            "anything less than $2,000?|en|2000|$2,000",
            "up to 1200 please|en|1200|1200",
            "預算3000左右|zh-TW|3000|3000",
            "something around NT$6000|en|6000|NT$6000",
            "4000內的包包|zh-TW|4000|4000",
            "不到兩千的外套|zh-TW|2000|兩千",
        })
        void priceMax(String text, String language, String value, String span) {
            Entity e = only(text, language, EntityType.PRICE_MAX);
            assertEquals(value, e.value());
            assertEquals(span, e.text());
        }

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "jackets over 4000|en|4000",
            "at least NT$3000|en|3000",
            "3000以上的大衣|zh-TW|3000",
            "1500起的包|zh-CN|1500",
            "超過兩千的外套|zh-TW|2000",
        })
        void priceMin(String text, String language, String value) {
            assertEquals(List.of(value), of(text, language, EntityType.PRICE_MIN));
            assertEquals(List.of(), of(text, language, EntityType.PRICE_MAX));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "shorts 200-500|en|200|500",
            "shorts 200~500|en|200|500",
            "shorts from 200 to 500|en|200|500",
            "between 200 and 500|en|200|500",
            "coats from NT$3000 to NT$5000|en|3000|5000",
            "200到500的帽子|zh-TW|200|500",
            "200至500的帽子|zh-CN|200|500",
            "兩千到三千的外套|zh-TW|2000|3000",
            "价格800-1200的半身裙|zh-CN|800|1200",
        })
        void ranges(String text, String language, String min, String max) {
            assertEquals(List.of(min), of(text, language, EntityType.PRICE_MIN));
            assertEquals(List.of(max), of(text, language, EntityType.PRICE_MAX));
        }

        @Test
        void currencies() {
            assertEquals(List.of("USD"), of("sweaters under 50 USD", "en", EntityType.CURRENCY));
            assertEquals(List.of("50"), of("sweaters under 50 USD", "en", EntityType.PRICE_MAX));
            assertEquals(List.of("USD"), of("under US$50", "en", EntityType.CURRENCY));
            assertEquals(List.of("50"), of("under US$50", "en", EntityType.PRICE_MAX));
            assertEquals(List.of("CNY"), of("RMB800以内的双肩包", "zh-CN", EntityType.CURRENCY));
            assertEquals(List.of("800"), of("RMB800以内的双肩包", "zh-CN", EntityType.PRICE_MAX));
            assertEquals(List.of("TWD"), of("台幣五千以內的大衣", "zh-TW", EntityType.CURRENCY));
            assertEquals(List.of("USD"), of("可以用美金付款嗎", "zh-TW", EntityType.CURRENCY));
            assertEquals(List.of("CNY"), of("能用人民币付款吗", "zh-CN", EntityType.CURRENCY));
            assertEquals(List.of("HKD"), of("可以用港幣嗎", "zh-TW", EntityType.CURRENCY));
            assertEquals(List.of("JPY"), of("i want to pay in Japanese yen", "en", EntityType.CURRENCY));
            assertEquals(List.of("TWD"), of("prices in NTD?", "en", EntityType.CURRENCY));
            assertEquals(List.of(), of("jackets under NT$4,000", "en", EntityType.CURRENCY));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "do you have black sneakers in size 9|en",
            "where is PRL-10234|en",
            "滿1000免運嗎|zh-TW",
            "我有一張200元折價券|zh-TW",
            "is shipping free over 1500?|en",
            "I was charged NT$2000 twice|en",
            "my son is 125 cm tall|en",
            "can I pick it up at 7-11|en",
            "buy 5件以上有團購價嗎|zh-TW",
            "call me at 0912-345-678|en",
            "I'm 175cm and 70kg|en",
        })
        void numbersThatAreNoPrice(String text, String language) {
            List<Entity> e = extract(text, language);
            assertFalse(e.stream().anyMatch(x -> x.type() == EntityType.PRICE_MAX || x.type() == EntityType.PRICE_MIN),
                    e.toString());
        }
    }

    @Nested
    class Sizes {

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "這件coat有M號嗎|zh-TW|M|M號",
            "有M码吗|zh-CN|M|M码",
            "do you have it in size M|en|M|M",
            "size m please|en|M|m",
            "同款換中號|zh-TW|M|中號",
            "大號還有嗎|zh-TW|L|大號",
            "小号有货吗|zh-CN|S|小号",
            "I'll take the XL|en|XL|XL",
            "xxl hoodies|en|XXL|xxl",
            "這雙有9號的嗎|zh-TW|9|9號",
            "sneakers in size 9|en|9|9",
            "running shoes US 9|en|9|US 9",
            "is the 9.5 in white available|en|9.5|9.5",
            "運動鞋42碼有嗎|zh-TW|42|42碼",
            "跑鞋42码有吗|zh-CN|42|42码",
            "我是欧码43|zh-CN|43|43",
            "牛仔褲腰圍30的還有嗎|zh-TW|30|30",
            "kids raincoat size 120|en|120|120",
            "女儿穿120小了，换130的|zh-CN|120|120",
            "black backpack in 25L|en|25L|25L",
        })
        void firstSize(String text, String language, String value, String span) {
            Entity e = extract(text, language).stream().filter(x -> x.type() == EntityType.SIZE).findFirst()
                    .orElseThrow(() -> new AssertionError("no size in " + text));
            assertEquals(value, e.value());
            assertEquals(span, e.text());
        }

        @Test
        void listsOfSizes() {
            assertEquals(List.of("110", "130"), of("kids' raincoats, sizes 110 and 130", "en", EntityType.SIZE));
            assertEquals(List.of("30", "32"), of("jeans, 30 or 32?", "en", EntityType.SIZE));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "I'm 168 cm and 60 kg|en",
            "does this backpack fit a 15 inch laptop|en",
            "孩子5岁 身高115|zh-CN",
            "10號出貨嗎|zh-TW",
            "what year did WW2 end|en",
            "I'm usually happy with it|en",
        })
        void noSize(String text, String language) {
            assertEquals(List.of(), of(text, language, EntityType.SIZE));
        }
    }

    @Nested
    class Quantities {

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "add two of those t-shirts|en|2|two",
            "add a pair of socks|en|1|a pair",
            "add 3 pairs of the hiking socks|en|3|3",
            "我要買兩件|zh-TW|2|兩件",
            "加入一雙8號|zh-TW|1|一雙",
            "加3个到购物车|zh-CN|3|3个",
            "add it x2|en|2|2",
            "2 pcs please, add them|en|2|2",
            "数量改成2|zh-CN|2|2",
            "襪子我要三雙|zh-TW|3|三雙",
        })
        void quantity(String text, String language, String value, String span) {
            Entity e = only(text, language, EntityType.QUANTITY);
            assertEquals(value, e.value());
            assertEquals(span, e.text());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "which of the two coats is warmer|en",
            "這兩件哪一件比較保暖|zh-TW",
            "第二件半價嗎|zh-TW",
            "添加一个新的收货地址|zh-CN",
        })
        void noQuantity(String text, String language) {
            assertEquals(List.of(), of(text, language, EntityType.QUANTITY));
        }
    }

    @Nested
    class Identifiers {

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "where is my order PRL-10234?|en|PRL-10234",
            "訂單prl10456到哪了|zh-TW|PRL-10456",
            "PRL 10988 status|en|PRL-10988",
        })
        void orderNumbers(String text, String language, String value) {
            assertEquals(List.of(value), of(text, language, EntityType.ORDER_NUMBER));
            assertEquals(List.of(), of(text, language, EntityType.PRICE_MAX));
            assertEquals(List.of(), of(text, language, EntityType.SIZE));
        }

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "can I use WELCOME10?|en|WELCOME10",
            "apply spring200 please|en|SPRING200",
            "apply welcome 10|en|WELCOME10",
            "優惠碼SPRING200輸進去沒反應|zh-TW|SPRING200",
            "這組freeship是免運的嗎|zh-TW|FREESHIP",
            "does the promo code FREESHIP work on sale items|en|FREESHIP",
            "please use my referral code REF-JASON|en|REF-JASON",
        })
        void couponCodes(String text, String language, String value) {
            assertEquals(List.of(value), of(text, language, EntityType.COUPON_CODE));
        }

        @ParameterizedTest(name = "{0} → {2}")
        @CsvSource(delimiter = '|', value = {
            "my phone is 0912-345-678|en|0912345678",
            "手機 0933 222 111|zh-TW|0933222111",
            "call +886 912 345 678|en|0912345678",
            "市話02-2771-5566|zh-TW|0227715566",
            "手机号是13612345678|zh-CN|13612345678",
        })
        void phones(String text, String language, String value) {
            assertEquals(List.of(value), of(text, language, EntityType.PHONE));
        }

        @Test
        void email() {
            Entity e = only("我用amy.lin@gmail.com註冊的", "zh-TW", EntityType.EMAIL);
            assertEquals("amy.lin@gmail.com", e.value());
        }
    }

    @Nested
    class VocabularyTerms {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "waterproof winter coat|en|coat",
            "有沒有羽絨外套|zh-TW|coat",
            "有没有羽绒服|zh-CN|coat",
            "想找外套|zh-TW|jacket",
            "夹克有吗|zh-CN|jacket",
            "白色球鞋|zh-TW|sneakers",
            "跑鞋推荐|zh-CN|sneakers",
            "t-shirts in white|en|t-shirt",
            "帽T有哪些|zh-TW|hoodie",
            "these running shoes|en|sneakers",
        })
        void categories(String text, String language, String value) {
            assertEquals(List.of(value), of(text, language, EntityType.CATEGORY));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "black jacket|en|black",
            "黑色的|zh-TW|black",
            "深藍色毛衣|zh-TW|navy",
            "藏青的|zh-CN|navy",
            "grey hoodie|en|grey",
            "gray hoodie|en|grey",
            "炭灰色大衣|zh-TW|charcoal",
        })
        void colours(String text, String language, String value) {
            assertEquals(List.of(value), of(text, language, EntityType.COLOR));
        }

        @Test
        void materialsAttributesGenderBrands() {
            assertEquals(List.of("wool"), of("羊毛大衣", "zh-TW", EntityType.MATERIAL));
            assertEquals(List.of("waterproof"), of("防水外套", "zh-TW", EntityType.ATTRIBUTE));
            assertEquals(List.of("breathable"), of("透气的T恤", "zh-CN", EntityType.ATTRIBUTE));
            assertEquals(List.of("women"), of("女生的跑鞋", "zh-TW", EntityType.GENDER));
            assertEquals(List.of("men"), of("men's down coat", "en", EntityType.GENDER));
            assertEquals(List.of("kids"), of("童裝外套", "zh-TW", EntityType.GENDER));
            assertEquals(List.of("yushan ridge"), of("anything from Yushan Ridge?", "en", EntityType.BRAND));
            assertEquals(List.of("organic cotton"), of("organic cotton tees", "en", EntityType.MATERIAL));
        }

        @Test
        void latinWordBoundaries() {
            assertEquals(List.of(), of("the coating is peeling", "en", EntityType.CATEGORY));
            assertEquals(List.of(), of("is my bag empty", "en", EntityType.CATEGORY));
            assertEquals(List.of(), of("包邮吗", "zh-CN", EntityType.CATEGORY));
            assertEquals(List.of(), of("送女朋友的禮物", "zh-TW", EntityType.GENDER));
        }

        @Test
        void productNamesAreNotTakenApart() {
            assertEquals(List.of(), of("is the Xueshan Expedition Down Coat warm", "en", EntityType.MATERIAL));
            assertEquals(List.of(), of("does the Hehuan parka have a hood", "en", EntityType.CATEGORY));
        }
    }

    @Test
    void codeMixedWithOffsetsIntoTheOriginal() {
        String text = "這件coat有M號嗎";
        List<Entity> e = extract(text, "zh-TW");
        assertEquals(List.of(new Entity(EntityType.CATEGORY, "coat", "coat", 2, 6),
                new Entity(EntityType.SIZE, "M", "M號", 7, 9)), e);
    }

    @Test
    void offsetsSurviveFullWidthAndTraditionalFolding() {
        String text = "有沒有２０００以內的羽絨外套，ＸＬ號";
        List<Entity> e = extract(text, "zh-TW");
        assertEquals(Set.of(EntityType.PRICE_MAX, EntityType.CATEGORY, EntityType.SIZE),
                Set.copyOf(e.stream().map(Entity::type).toList()));
        assertEquals("２０００", e.get(0).text());
        assertEquals("2000", e.get(0).value());
        assertEquals("ＸＬ號", e.get(2).text());
        assertEquals("XL", e.get(2).value());
    }

    @Test
    void aFullSearch() {
        List<Entity> e = extract("men's waterproof navy coat in XL under NT$4,000", "en");
        assertEquals(List.of("men", "waterproof", "navy", "coat", "XL", "4000"),
                e.stream().map(Entity::value).toList());
    }

    @Test
    void deterministicAndThreadSafe() throws Exception {
        List<String> texts = List.of("這件coat有M號嗎", "women's running shoes between 2000 and 3000",
                "有没有两千以内的羽绒服", "apply WELCOME10 to PRL-10234");
        List<List<Entity>> expected = texts.stream().map(t -> EXTRACTOR.extract(t, "en")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i % texts.size();
                futures.add(pool.submit(() -> EXTRACTOR.extract(texts.get(k), "en").equals(expected.get(k))));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void blankTextHasNoEntities() {
        assertEquals(List.of(), EXTRACTOR.extract("", "en"));
        assertEquals(List.of(), EXTRACTOR.extract("   ", "zh-TW"));
        assertEquals(List.of(), EXTRACTOR.extract(null, "zh-CN"));
    }
}
