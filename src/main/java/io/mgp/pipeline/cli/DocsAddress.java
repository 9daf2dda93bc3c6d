package io.mgp.pipeline.cli;

import io.mgp.pipeline.docs.DocsSite;
import java.nio.file.Path;

/** Where a lake's docs site can be opened from a server: where {@code serve}, as configured, would serve it. */
final class DocsAddress {

    private DocsAddress() {
    }

    /** {@code http://127.0.0.1:8889/docs/ while 'serve --lake lake' runs}. */
    static String whileServing(Path lake) {
        String host = Settings.get("mgp.host");
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + Settings.get("mgp.port") + DocsSite.SERVED_AT
                + "/ while 'serve --lake " + lake + "' runs";
    }
}
