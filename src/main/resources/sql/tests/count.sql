-- The failing rows of a data test, counted: the test passes when there are none.
SELECT count(*) FROM (${test}
) AS failures
