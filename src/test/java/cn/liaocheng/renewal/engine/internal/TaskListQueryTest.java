package cn.liaocheng.renewal.engine.internal;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/** {@link SameTaskListAnswers} on H2, in the shared context. */
@WebIntegrationTest
class TaskListQueryTest extends SameTaskListAnswers {

}
