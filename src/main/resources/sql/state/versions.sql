SELECT version FROM versions WHERE layer = ?
