CREATE TABLE early_broken (id INT;
