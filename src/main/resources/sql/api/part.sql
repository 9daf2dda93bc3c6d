-- One of the parts a seed table is read in, each on its own thread. A part holds whole groups (the rows one
-- request answers, which share their key), in the file's order.
SELECT * FROM (
${rows}
) WHERE hash(${key}) % ${parts} = ${part}
