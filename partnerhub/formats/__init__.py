"""Date formats of our own, where Django's for a language are not what its readers here expect (FORMAT_MODULE_PATH)."""
