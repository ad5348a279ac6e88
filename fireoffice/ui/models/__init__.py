"""Qt item models over service results (paged from the database for big lists)."""
