-- The failing rows of a data test, counted: the test passes when there are none. Tests run together as a UNION ALL of
-- these, each row keyed by the test's place in the list.
SELECT ${key} AS test, count(*) AS failures FROM (${test}
) AS failures
