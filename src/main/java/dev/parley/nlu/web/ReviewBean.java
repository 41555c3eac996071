package dev.parley.nlu.web;

import dev.parley.nlu.Intent;
import dev.parley.nlu.review.ReviewItem;
import dev.parley.nlu.review.TurnReviews;
import dev.parley.platform.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning-loop page: customer turns waiting for review, fallback and low-confidence turns first. One
 * click confirms what the NLU read, or picks another intent; the entity markup can be corrected in place
 * before the click. Each verdict adds the turn to the training data.
 */
@Named
@ViewScoped
public class ReviewBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    @Inject
    transient TurnReviews reviews;

    private transient List<ReviewItem> items;
    private transient Integer pending;
    private final Map<Long, String> markup = new HashMap<>();
    private final Map<Long, String> chosen = new HashMap<>();

    /** The next turns to review. */
    public List<ReviewItem> getItems() {
        if (items == null) {
            items = reviews.queue(0, PAGE);
            items.forEach(i -> markup.putIfAbsent(i.messageId(), i.markup()));
        }
        return items;
    }

    /** How many turns wait. */
    public int getPending() {
        if (pending == null) {
            pending = reviews.pending();
        }
        return pending;
    }

    /** Confirms the intent the NLU read (with the row's markup). */
    public void confirm(ReviewItem item) {
        save(item, item.intent());
    }

    /** Labels the turn with another intent (with the row's markup). */
    public void correct(ReviewItem item, String intent) {
        save(item, intent);
    }

    /** Labels the turn with the intent chosen in the row's menu. */
    public void correctChosen(ReviewItem item) {
        String intent = chosen.get(item.messageId());
        if (intent != null && !intent.isBlank()) {
            save(item, intent);
        }
    }

    private void save(ReviewItem item, String intent) {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        String edited = markup.get(item.messageId());
        try {
            String verdict = reviews.review(item.messageId(), new TurnReviews.Verdict(intent,
                    edited == null || edited.equals(item.markup()) ? null : edited), user);
            message(FacesMessage.SEVERITY_INFO, "“" + abbreviate(item.text()) + "” " + verdict + " as " + intent + ".");
        } catch (DomainException e) {
            message(FacesMessage.SEVERITY_WARN, e.getMessage());
        }
        items = null;
        pending = null;
    }

    public Map<Long, String> getMarkup() {
        return markup;
    }

    public Map<Long, String> getChosen() {
        return chosen;
    }

    /** Every intent name, for the correction menu. */
    public List<String> getIntents() {
        return Arrays.stream(Intent.values()).map(Intent::wireName).sorted().toList();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
