print("specbook")
