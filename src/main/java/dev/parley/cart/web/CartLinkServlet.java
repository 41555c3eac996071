package dev.parley.cart.web;

import dev.parley.cart.CartLinks;
import dev.parley.platform.DomainException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /cart/{token}}: a cart deep link. A token this shop signed sends the browser (303) to the
 * storefront with {@code ?cart=<token>}, where the widget restores the cart into the shopper's conversation;
 * anything else is a 404 page. Nothing changes on GET: the restore is the widget's {@code restore_cart} action.
 */
@WebServlet("/cart/*")
public class CartLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CartLinks links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String token = path == null ? null : path.substring(1);
        try {
            links.open(token);
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Location", request.getContextPath() + "/?cart="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
