package cn.liaocheng.renewal.decision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionConflictException;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.decision.VerificationResult.Verdict;
import cn.liaocheng.renewal.decision.VerificationResult;
import cn.liaocheng.renewal.document.FileStore;
import cn.liaocheng.renewal.document.StoredFile;
import cn.liaocheng.renewal.organization.Department;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * Issues each decision exactly once. The issuing transaction locks the body's number
 * counter, then looks for a decision already made for the application's stage: a retry,
 * or a second call racing the first, waits for the lock and then finds the first one's
 * decision instead of numbering and storing another. A payment notice is one per period:
 * its period joins application and stage in that key. The document is rendered and signed
 * just before the lock with the number the counter predicts, and again under the lock
 * only if the prediction was wrong.
 */
@Service("decisionDocuments") // "decisionService" is Camunda's SignedDecisions bean
class SignedDecisions implements Decisions {

	/** At debug level, how long each decision's numbered part took (its pieces). */
	private static final Logger LOG = LoggerFactory.getLogger(SignedDecisions.class);

	static final ZoneId CHINA = ChinaTime.ZONE;

	private final DecisionRepository decisions;

	private final DocumentNumbers numbers;

	private final SigningKeys keys;

	private final FileStore files;

	private final AuditTrail audit;

	private final OrganizationCatalog organizations;

	private final TransactionTemplate transaction;

	private final String publicBaseUrl;

	SignedDecisions(DecisionRepository decisions, DocumentNumbers numbers, SigningKeys keys, FileStore files,
			AuditTrail audit, OrganizationCatalog organizations, PlatformTransactionManager transactions,
			@Value("${renewal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.decisions = decisions;
		this.numbers = numbers;
		this.keys = keys;
		this.files = files;
		this.audit = audit;
		this.organizations = organizations;
		this.transaction = new TransactionTemplate(transactions);
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	@Override
	public IssuedDecision issue(DecisionRequest incoming) {
		DecisionRequest request = complete(incoming);
		Optional<IssuedDecision> existing = decisions.byStage(request.applicationId(), request.type().stage(),
				request.period());
		if (existing.isPresent()) {
			return sameOutcome(existing.get(), request.type());
		}
		Issuing issuing = prepare(request);
		boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
		try {
			return sameOutcome(transaction.execute(status -> issueLocked(issuing)), request.type());
		}
		catch (DuplicateKeyException e) {
			// Another body's issue for the same stage committed first (the counter lock
			// orders one body's issues only): the stage has its decision. Our transaction
			// rolled back whole, unless it is our caller's.
			if (joined) {
				throw e;
			}
			return decisions.byStage(request.applicationId(), request.type().stage(), request.period())
				.map(first -> sameOutcome(first, request.type()))
				.orElseThrow(() -> e);
		}
	}

	@Override
	public void issueBeforeCommit(DecisionRequest incoming) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("issueBeforeCommit needs the caller's transaction");
		}
		DecisionRequest request = complete(incoming);
		Optional<IssuedDecision> existing = decisions.byStage(request.applicationId(), request.type().stage(),
				request.period());
		if (existing.isPresent()) {
			sameOutcome(existing.get(), request.type());
			return;
		}
		Issuing issuing = prepare(request);
		AtCommit atCommit = (AtCommit) TransactionSynchronizationManager.getResource(this);
		if (atCommit == null) {
			atCommit = new AtCommit();
			TransactionSynchronizationManager.bindResource(this, atCommit);
			TransactionSynchronizationManager.registerSynchronization(atCommit);
		}
		atCommit.issues.add(issuing);
	}

	/**
	 * Everything of an issue that needs no number: the body, its counter row for the
	 * year, its key, the text and the verification code. A missing key or an unknown body
	 * fails here.
	 */
	private Issuing prepare(DecisionRequest request) {
		String bodyKey = request.issuingBody();
		String bodyName = bodyName(bodyKey);
		DecisionRepository.Issuer issuer = decisions.issuer(bodyKey)
			.orElseThrow(() -> new IllegalArgumentException(bodyKey + " does not issue decisions"));
		int year = request.decisionDate().getYear();
		numbers.prepare(bodyKey, year);
		SigningCredentials credentials = keys.forBody(bodyKey, bodyName);
		Letter letter = DecisionText.of(request, issuer.reconsiderationBody());
		return new Issuing(request, bodyKey, bodyName, issuer, credentials, year, letter, unusedCode());
	}

	/**
	 * The decisions a transaction issues before it commits, in the order they were asked
	 * for. They are the last work of the commit but for the audit trail's append (whose
	 * synchronization has the default order, so this one comes first): the body's counter
	 * is locked after the rest of the transaction, the engine's flush included, is done,
	 * and held for numbering, storing and the commit (and for rendering and signing again
	 * when the predicted number was not the one given). The audit entries recorded here
	 * join the transaction's batch, which every transaction has from its start.
	 */
	private final class AtCommit implements TransactionSynchronization {

		final List<Issuing> issues = new ArrayList<>();

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			for (Issuing issuing : issues) {
				sameOutcome(issueLocked(issuing), issuing.request().type());
			}
		}

		/**
		 * A transaction of its own starts inside this one (REQUIRES_NEW): what it issues
		 * is its own.
		 */
		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(SignedDecisions.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(SignedDecisions.this, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(SignedDecisions.this);
		}

	}

	/**
	 * A city body by its key ({@code industry}) or a county department by its group
	 * ({@code county-371525-industry}).
	 */
	private String bodyName(String bodyKey) {
		return organizations.departments()
			.stream()
			.filter(d -> d.key().equals(bodyKey))
			.map(Department::cityName)
			.findFirst()
			.or(() -> organizations.reviewGroups()
				.stream()
				.filter(g -> g.id().equals(bodyKey) && g.type() == GroupType.COUNTY)
				.map(OrganizationCatalog.ReviewGroup::name)
				.findFirst())
			.orElseThrow(() -> new IllegalArgumentException("unknown issuing body " + bodyKey));
	}

	private record Issuing(DecisionRequest request, String bodyKey, String bodyName, DecisionRepository.Issuer issuer,
			SigningCredentials credentials, int year, Letter letter, String code) {
	}

	/**
	 * Numbers, renders, signs and stores one decision under the body's counter lock. The
	 * document is rendered and signed before the lock with the number the counter
	 * predicts ({@link DocumentNumbers#guess}), so that issues of one body render side by
	 * side instead of one after another; under the lock the prediction is kept only if it
	 * is the number the counter gives, otherwise the document is rendered and signed
	 * again with that number. The number in the document is always the one recorded.
	 */
	private IssuedDecision issueLocked(Issuing in) {
		DecisionRequest r = in.request();
		long asked = System.nanoTime();
		int guessed = numbers.guess(in.bodyKey(), in.year());
		byte[] signedAhead = renderAndSign(in, guessed);
		long prepared = System.nanoTime();
		int last = numbers.lock(in.bodyKey(), in.year(), guessed);
		long locked = System.nanoTime();
		Optional<IssuedDecision> existing = decisions.byStage(r.applicationId(), r.type().stage(), r.period());
		if (existing.isPresent()) {
			return existing.get();
		}
		int serial = last + 1;
		boolean guessedRight = serial == guessed;
		byte[] signed = guessedRight ? signedAhead : renderAndSign(in, serial);
		long signedAt = System.nanoTime();
		String number = DocumentNumbers.format(in.issuer().prefix(), in.year(), serial);
		StoredFile file = files.store(signed, "application/pdf");
		IssuedDecision decision = new IssuedDecision(0, r.applicationId(), r.type(), in.bodyKey(), in.bodyName(),
				number, in.code(), r.decisionDate(), Instant.now().truncatedTo(ChronoUnit.MILLIS), r.enterpriseName(),
				r.creditCode(), r.projectName(), file.id(), file.sha256(), in.credentials().subject());
		long id = decisions.insert(decision, in.year(), serial, r.referenceNo(), r.period(),
				DecisionText.version(r.type()));
		numbers.advance(in.bodyKey(), in.year(), serial);
		audit.record("system", "DECISION_ISSUED", "application:" + r.applicationId(),
				number + " " + r.type() + " code=" + in.code() + " sha256=" + file.sha256());
		if (LOG.isDebugEnabled()) {
			long stored = System.nanoTime();
			LOG.debug(
					"{} numbered: rendered and signed as {} in {} ms before the counter ({}), waited {} ms for it, "
							+ "{} ms under it before storing, stored in {} ms",
					number, guessed, millis(prepared - asked), guessedRight ? "kept" : "rendered again",
					millis(locked - prepared), millis(signedAt - locked), millis(stored - signedAt));
		}
		return withId(decision, id);
	}

	/** The signed document of this issue with this serial number. */
	private byte[] renderAndSign(Issuing in, int serial) {
		DecisionRequest r = in.request();
		String number = DocumentNumbers.format(in.issuer().prefix(), in.year(), serial);
		Letter letter = in.letter();
		byte[] unsigned = DecisionRenderer.render(letter, new DecisionRenderer.Header(in.bodyName(), number,
				r.decisionDate(), in.code(), publicBaseUrl + "/verify?code=" + in.code()));
		return PdfSigner.sign(unsigned, in.credentials(),
				new PdfSigner.Signature(in.bodyName(), number + " " + letter.title() + " 验证码：" + in.code()));
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	@Override
	public Optional<IssuedDecision> forApplication(long applicationId) {
		return decisions.latest(applicationId);
	}

	@Override
	public List<IssuedDecision> allForApplication(long applicationId) {
		return decisions.all(applicationId);
	}

	@Override
	public Map<Long, List<IssuedDecision>> allForApplications(Collection<Long> applicationIds) {
		return applicationIds.isEmpty() ? Map.of() : decisions.all(applicationIds);
	}

	@Override
	public Optional<String> textVersion(long decisionId) {
		return decisions.textVersion(decisionId);
	}

	@Override
	public byte[] pdf(long decisionId) {
		IssuedDecision decision = decisions.byId(decisionId)
			.orElseThrow(() -> new IllegalArgumentException("no decision " + decisionId));
		return files.read(decision.fileId())
			.orElseThrow(() -> new IllegalStateException("file of decision " + decisionId + " is missing"))
			.bytes();
	}

	@Override
	public VerificationResult verify(byte[] pdf) {
		String sha256 = Hashes.sha256(pdf);
		Optional<IssuedDecision> same = decisions.bySha256(sha256);
		if (same.isPresent()) {
			return new VerificationResult(Verdict.GENUINE, same.get(), sha256, Boolean.TRUE, undoing(same.get()));
		}
		SignatureCheck.Findings findings = SignatureCheck.of(pdf);
		if (findings.tooLarge()) {
			return VerificationResult.uncheckable(sha256);
		}
		return findings.code()
			.flatMap(VerificationCodes::normalise)
			.flatMap(decisions::byCode)
			.map(claimed -> new VerificationResult(Verdict.ALTERED, claimed, sha256, findings.signatureIntact(),
					undoing(claimed)))
			.orElseGet(() -> VerificationResult.unknown(sha256, findings.signatureIntact()));
	}

	@Override
	public VerificationResult verify(String code) {
		return VerificationCodes.normalise(code)
			.flatMap(decisions::byCode)
			.map(found -> new VerificationResult(Verdict.GENUINE, found, null, null, undoing(found)))
			.orElseGet(() -> VerificationResult.unknown(null, null));
	}

	/**
	 * What later undid a decision: an allocation of subsidy is revoked or recovered by
	 * the clawback's decision on the same application. Whoever relies on the allocation
	 * (a bank, an auditor) must learn that from the check, not only that the file is
	 * genuine.
	 */
	private List<IssuedDecision> undoing(IssuedDecision d) {
		if (d.type() != DecisionType.SUBSIDY_ALLOCATED) {
			return List.of();
		}
		return decisions.all(d.applicationId())
			.stream()
			.filter(later -> later.type() == DecisionType.SUBSIDY_REVOKED
					|| later.type() == DecisionType.CLAWBACK_DECIDED
					|| later.type() == DecisionType.SUBSIDY_REVOCATION_PROPOSED)
			.toList();
	}

	private static DecisionRequest complete(DecisionRequest r) {
		require(r.applicationId() > 0, "applicationId must be positive");
		require(present(r.enterpriseName()), "enterpriseName is required");
		require(present(r.creditCode()), "creditCode is required");
		require(present(r.projectName()), "projectName is required");
		require(!r.type().adverse() || !r.reasons().isEmpty(), r.type() + " must state its reasons");
		return new DecisionRequest(r.applicationId(), r.issuingBody(), r.type(), r.enterpriseName().strip(),
				r.creditCode().strip(), present(r.addressee()) ? r.addressee().strip() : r.enterpriseName().strip(),
				r.projectName().strip(), r.referenceNo(), r.amounts(), r.lender(), r.opinions(), r.reasons(),
				r.decisionDate() == null ? LocalDate.now(CHINA) : r.decisionDate(), r.proceedings(), r.payment());
	}

	private static IssuedDecision sameOutcome(IssuedDecision existing, DecisionType requested) {
		if (existing.type() != requested) {
			throw new DecisionConflictException(existing, requested);
		}
		return existing;
	}

	private static IssuedDecision withId(IssuedDecision d, long id) {
		return new IssuedDecision(id, d.applicationId(), d.type(), d.issuingBody(), d.issuingBodyName(), d.number(),
				d.verificationCode(), d.decisionDate(), d.issuedAt(), d.enterpriseName(), d.creditCode(),
				d.projectName(), d.fileId(), d.sha256(), d.signer());
	}

	/**
	 * Ten random characters (about 49 bits) practically never repeat; should they, the
	 * next draw is taken.
	 */
	private String unusedCode() {
		String code = VerificationCodes.next();
		while (decisions.byCode(code).isPresent()) {
			code = VerificationCodes.next();
		}
		return code;
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
