-- Silver and gold now reflect bronze as of this version.
UPDATE versions SET version = ? WHERE layer = 'built'
