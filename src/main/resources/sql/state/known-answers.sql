SELECT request, md5 FROM answers
