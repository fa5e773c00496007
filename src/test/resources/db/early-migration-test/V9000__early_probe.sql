CREATE TABLE early_probe (id INT);
