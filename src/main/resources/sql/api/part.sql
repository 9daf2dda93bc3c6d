-- One of the parts a seed table is read in, each on its own thread: whole groups (the rows one request answers,
-- which share their key), in the file's order. Text is what costs to read through JDBC, and a group's rows repeat
-- most of their ids, so a value equal to the previous row's comes as NULL, its repeated_<column> flag set.
-- DuckDB streams lag() over the whole part in the order it reads the rows, which it keeps.
WITH part AS (
    SELECT *
    FROM (
${rows}
    )
    WHERE hash(${key}) % ${parts} = ${part}
)
SELECT CASE WHEN COLUMNS(*) IS NOT DISTINCT FROM lag(COLUMNS(*)) OVER () THEN NULL ELSE COLUMNS(*) END AS "\0",
       COLUMNS(*) IS NOT DISTINCT FROM lag(COLUMNS(*)) OVER () AS "repeated_\0"
FROM part
