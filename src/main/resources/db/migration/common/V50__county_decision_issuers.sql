-- The county departments that can end a case issue their own decisions, with their own number sequence (e.g.
-- 冠工信审〔2026〕3号), signing key and reconsideration body (the county-level people's government; for the city's
-- development zones, the city's). Industry refuses at formal review or recommendation; finance at the invoice check.
INSERT INTO decision_issuer (body_key, number_prefix, reconsideration_body) VALUES
 ('county-371502-industry', '东府工信审', '聊城市东昌府区人民政府'),
 ('county-371502-finance',  '东府财审',   '聊城市东昌府区人民政府'),
 ('county-371503-industry', '茌工信审',   '聊城市茌平区人民政府'),
 ('county-371503-finance',  '茌财审',     '聊城市茌平区人民政府'),
 ('county-371521-industry', '阳工信审',   '阳谷县人民政府'),
 ('county-371521-finance',  '阳财审',     '阳谷县人民政府'),
 ('county-371522-industry', '莘工信审',   '莘县人民政府'),
 ('county-371522-finance',  '莘财审',     '莘县人民政府'),
 ('county-371524-industry', '阿工信审',   '东阿县人民政府'),
 ('county-371524-finance',  '阿财审',     '东阿县人民政府'),
 ('county-371525-industry', '冠工信审',   '冠县人民政府'),
 ('county-371525-finance',  '冠财审',     '冠县人民政府'),
 ('county-371526-industry', '高工信审',   '高唐县人民政府'),
 ('county-371526-finance',  '高财审',     '高唐县人民政府'),
 ('county-371581-industry', '临工信审',   '临清市人民政府'),
 ('county-371581-finance',  '临财审',     '临清市人民政府'),
 ('county-lcetdz-industry', '聊开工信审', '聊城市人民政府'),
 ('county-lcetdz-finance',  '聊开财审',   '聊城市人民政府'),
 ('county-lchtz-industry',  '聊高工信审', '聊城市人民政府'),
 ('county-lchtz-finance',   '聊高财审',   '聊城市人民政府'),
 ('county-lcjbsc-industry', '聊度工信审', '聊城市人民政府'),
 ('county-lcjbsc-finance',  '聊度财审',   '聊城市人民政府');
