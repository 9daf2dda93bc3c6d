UPDATE runs SET ended_at = now(), status = ?, requests = ?, bronze_rows = ?, error = ? WHERE run_id = ?
