CREATE OR REPLACE VIEW ${view} AS ${rows}
