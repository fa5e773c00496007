-- Every deployment, whichever door it comes through, now takes one turn: this table's one row, locked
-- (SELECT ... FOR UPDATE) until the deployment commits. The administration page takes it before it compares the
-- files with the latest versions; Camunda Modeler, the REST API, Cockpit and the start-up deployment take it before
-- the engine's deploy command begins. The rows of V143's turn per model are no longer read.
DELETE FROM model_deployment_lock;
INSERT INTO model_deployment_lock (model_key) VALUES ('deployments');
