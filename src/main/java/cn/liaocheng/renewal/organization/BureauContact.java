package cn.liaocheng.renewal.organization;

/**
 * Whom an enterprise calls: the industry bureau of its county or zone, which activates
 * accounts and first reviews applications, with the bureau's public service phone
 * ({@code null} when none is on record).
 */
public record BureauContact(String divisionCode, String divisionName, String bureauName, String phone) {
}
