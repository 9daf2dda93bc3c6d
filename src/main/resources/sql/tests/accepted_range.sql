-- accepted_range: the rows whose value is below the minimum or above the maximum; null is never a failure.
SELECT * FROM ${model} AS tested WHERE ${outside}
