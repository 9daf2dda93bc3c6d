-- short_name is the real MotoGP API's name for sname: both are sent so either kind of client is served.
SELECT name, sname, sname AS short_name, id, season_id
FROM read_parquet(${file})
