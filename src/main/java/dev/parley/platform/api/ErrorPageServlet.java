package dev.parley.platform.api;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for errors the container raises itself (403 from a security constraint, 404 outside
 * JAX-RS, 405, 500 from a page). API paths get an RFC 9457 problem; pages get a small HTML page.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ProblemResponder responder;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String s ? s
                : request.getRequestURI();
        response.setStatus(status);
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            Problem problem = Problems.ofStatus(status, uri, RequestIds.of(request));
            responder.count(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem.toJson());
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$d · %2$s · Parley</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;color:#333}</style>
                </head><body><h1>%1$d · %2$s</h1><p>%3$s</p><p><a href="/">Home</a> · <a href="/admin/">Admin</a></p>
                </body></html>
                """.formatted(status, Problems.titleOf(status), Problems.detailOf(status)));
    }
}
