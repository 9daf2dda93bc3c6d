package io.mgp.pipeline.lake;

import java.util.ArrayList;
import java.util.List;

/** The pages of one bronze table gathered until they are worth a parquet write. */
public final class BronzeBatch {

    private final String table;
    private final List<BronzePage> pages = new ArrayList<>();
    private long size;

    public BronzeBatch(String table) {
        this.table = table;
    }

    public void add(BronzePage page) {
        pages.add(page);
        size += page.body().length();
    }

    public String table() {
        return table;
    }

    public List<BronzePage> pages() {
        return pages;
    }

    /** The characters of JSON gathered so far. */
    public long getSize() {
        return size;
    }
}
