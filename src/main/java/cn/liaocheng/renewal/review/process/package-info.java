/** The review processes on the engine: the case a process acts on (its business key) and the scheduler for non-engine jobs. */
package cn.liaocheng.renewal.review.process;
