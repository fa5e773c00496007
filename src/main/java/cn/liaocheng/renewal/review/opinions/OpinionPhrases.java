package cn.liaocheng.renewal.review.opinions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.security.PlainText;

/** 常用意见: each reviewer's own saved opinion phrases; nobody reads or deletes another's. */
@Service
public class OpinionPhrases {

	static final int MAX_PHRASES = 50;

	static final int MAX_LENGTH = 500;

	private final JdbcClient jdbc;

	OpinionPhrases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One saved phrase. */
	public record Phrase(long id, String text) {
	}

	@Transactional(readOnly = true)
	public List<Phrase> of(String userId) {
		return jdbc.sql("SELECT id, text FROM opinion_phrase WHERE user_id = ? ORDER BY id")
			.param(userId)
			.query((rs, n) -> new Phrase(rs.getLong(1), rs.getString(2)))
			.list();
	}

	@Transactional
	public Phrase add(String userId, String text) {
		String phrase = text == null ? "" : text.strip();
		if (phrase.codePointCount(0, phrase.length()) < 2) {
			throw invalid("常用意见至少 2 个字");
		}
		if (phrase.codePointCount(0, phrase.length()) > MAX_LENGTH) {
			throw invalid("常用意见不能超过 " + MAX_LENGTH + " 个字");
		}
		PlainText.problem(phrase, true).ifPresent(problem -> {
			throw invalid("常用意见" + problem);
		});
		// Taken on the user's rows, so two saves at once cannot both pass the limit.
		jdbc.sql("SELECT id FROM opinion_phrase WHERE user_id = ? FOR UPDATE").param(userId).query(Long.class).list();
		List<Phrase> mine = of(userId);
		if (mine.size() >= MAX_PHRASES) {
			throw invalid("最多保存 " + MAX_PHRASES + " 条常用意见，请先删除不用的");
		}
		if (mine.stream().anyMatch(p -> p.text().equals(phrase))) {
			throw invalid("这条常用意见已保存");
		}
		jdbc.sql("INSERT INTO opinion_phrase (user_id, text, created_at) VALUES (?, ?, ?)")
			.params(userId, phrase, Timestamp.from(Instant.now()))
			.update();
		return of(userId).stream().filter(p -> p.text().equals(phrase)).findFirst().orElseThrow();
	}

	/**
	 * Deletes one of the user's phrases; another user's id is as unknown as a missing
	 * one.
	 */
	@Transactional
	public void delete(String userId, long id) {
		if (jdbc.sql("DELETE FROM opinion_phrase WHERE id = ? AND user_id = ?").params(id, userId).update() == 0) {
			throw new HandOverException(Reason.UNKNOWN_TASK, null, "常用意见不存在");
		}
	}

	private static HandOverException invalid(String message) {
		return new HandOverException(Reason.INVALID, "text", message);
	}

}
