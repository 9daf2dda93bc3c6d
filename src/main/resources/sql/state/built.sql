-- Silver and gold now reflect bronze as of this version, built by the project of this fingerprint.
UPDATE versions SET version = CASE layer WHEN 'built' THEN ? ELSE ? END WHERE layer IN ('built', 'project')
