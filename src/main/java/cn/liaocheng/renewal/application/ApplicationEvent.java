package cn.liaocheng.renewal.application;

import java.time.Instant;

/** Something that happened to an application, as its history shows it. */
public record ApplicationEvent(Instant at, String actor, String actorName, String action, String message) {
}
