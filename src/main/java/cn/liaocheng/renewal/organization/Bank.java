package cn.liaocheng.renewal.organization;

/** A commercial bank taking part in technical-transformation re-lending. */
public record Bank(String key, String name, boolean active) {
}
