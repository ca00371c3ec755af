package io.eventpipe.admin.http;

import io.eventpipe.web.StaticFiles;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** EventAdminApp (pwa/) at /admin/, its assets beside it; the service's root leads there. */
final class AdminAppHandler extends Handler.Abstract {

    private final StaticFiles files = new StaticFiles("webapp");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if ("/".equals(request.getHttpURI().getPath())) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, "/admin/");
            callback.succeeded();
            return true;
        }
        return files.handle(request, response, callback);
    }
}
