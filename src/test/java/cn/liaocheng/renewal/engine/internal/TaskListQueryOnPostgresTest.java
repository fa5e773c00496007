package cn.liaocheng.renewal.engine.internal;

import cn.liaocheng.renewal.support.PostgresContext;

/**
 * {@link SameTaskListAnswers} on PostgreSQL, the production database, in the shared
 * PostgreSQL context.
 */
@PostgresContext
class TaskListQueryOnPostgresTest extends SameTaskListAnswers {

}
