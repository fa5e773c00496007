package cn.liaocheng.renewal.endtoend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

/**
 * What a benchmark run measured: latency samples by name, and the rows of its table (a
 * figure, the reference it is compared with, their ratio, and the target with PASS/FAIL
 * where the issue sets one). Prints the table and writes it as CSV and as a PNG chart.
 */
final class BenchmarkResults {

	/**
	 * One line of the table; {@code reference}, {@code ratio} and {@code target} may be
	 * absent (NaN / null).
	 */
	record Row(String group, String name, double figure, String unit, double reference, String referenceName,
			double ratio, String target, Boolean pass) {

		String verdict() {
			return pass == null ? "" : pass ? "PASS" : "FAIL";
		}

	}

	private final Map<String, List<Double>> samples = new ConcurrentHashMap<>();

	final List<Row> rows = Collections.synchronizedList(new ArrayList<>());

	final List<String> notes = Collections.synchronizedList(new ArrayList<>());

	/** Records one latency, in milliseconds, under this name. */
	void sample(String name, double millis) {
		samples.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(millis);
	}

	void clear(String prefix) {
		samples.keySet().removeIf(k -> k.startsWith(prefix));
	}

	/**
	 * The p-th percentile (0-100, nearest rank) of the samples under this name, NaN if
	 * none.
	 */
	double percentile(String name, double p) {
		List<Double> values = samples.get(name);
		if (values == null || values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted;
		synchronized (values) {
			sorted = new ArrayList<>(values);
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	/** The p-th percentile of the samples under these names taken together. */
	double percentileOf(List<String> names, double p) {
		String merged = "merged:" + String.join("+", names);
		samples.remove(merged);
		for (String name : names) {
			List<Double> values = samples.get(name);
			if (values != null) {
				synchronized (values) {
					values.forEach(v -> sample(merged, v));
				}
			}
		}
		return percentile(merged, p);
	}

	int count(String name) {
		List<Double> values = samples.get(name);
		return values == null ? 0 : values.size();
	}

	/** A measured figure without a reference. */
	void figure(String group, String name, double value, String unit) {
		rows.add(new Row(group, name, value, unit, Double.NaN, "", Double.NaN, null, null));
	}

	/**
	 * A figure beside its reference, with the ratio figure / reference, and a target on
	 * that ratio if given.
	 */
	void compare(String group, String name, double value, String unit, double reference, String referenceName,
			String target, Boolean pass) {
		rows.add(new Row(group, name, value, unit, reference, referenceName, value / reference, target, pass));
	}

	/**
	 * Latency percentiles of a sample set, product beside reference if the reference
	 * sampled the same step.
	 */
	void latencies(String group, String label, String product, String reference) {
		for (double p : new double[] { 50, 95, 99 }) {
			double mine = percentile(product, p);
			if (Double.isNaN(mine)) {
				continue;
			}
			double theirs = reference == null ? Double.NaN : percentile(reference, p);
			String name = label + " p" + (int) p;
			if (Double.isNaN(theirs)) {
				figure(group, name, mine, "ms");
			}
			else {
				compare(group, name, mine, "ms", theirs, "bare engine", null, null);
			}
		}
	}

	String table() {
		StringBuilder out = new StringBuilder();
		String format = "%-16s %-52s %12s %-6s %12s %-26s %8s %-16s %-4s%n";
		out.append(String.format(format, "group", "figure", "value", "unit", "reference", "(reference is)", "ratio",
				"target", ""));
		out.append("-".repeat(160)).append('\n');
		synchronized (rows) {
			for (Row r : rows) {
				out.append(String.format(format, r.group(), r.name(), number(r.figure()), r.unit(),
						number(r.reference()), r.referenceName(),
						Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
						r.target() == null ? "" : r.target(), r.verdict()));
			}
		}
		notes.forEach(n -> out.append("note: ").append(n).append('\n'));
		return out.toString();
	}

	private static String number(double v) {
		if (Double.isNaN(v)) {
			return "";
		}
		return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
	}

	void writeCsv(Path file) throws IOException {
		StringBuilder csv = new StringBuilder("group,figure,value,unit,reference,reference_is,ratio,target,verdict\n");
		synchronized (rows) {
			for (Row r : rows) {
				csv.append(String.join(",", quote(r.group()), quote(r.name()), number(r.figure()), quote(r.unit()),
						number(r.reference()), quote(r.referenceName()),
						Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()),
						quote(r.target() == null ? "" : r.target()), r.verdict()))
					.append('\n');
			}
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv);
	}

	private static String quote(String s) {
		return "\"" + s.replace("\"", "\"\"") + "\"";
	}

	/**
	 * The chart: on the left every target row as a bar of its ratio, green when it
	 * passes, red when it fails, with the target as a black mark; on the right cases per
	 * second of the product and of the bare engine by clients.
	 */
	void writeChart(Path file, String title, Map<Integer, double[]> casesPerSecond) throws IOException {
		List<Row> targets;
		synchronized (rows) {
			targets = rows.stream().filter(r -> r.pass() != null).toList();
		}
		int width = 1500;
		int height = 140 + Math.max(targets.size(), 6) * 56;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
		g.drawString(title, 20, 34);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		g.drawString(
				"Targets: bar = measured ratio (figure / reference or limit), black mark = target; green PASS, red FAIL."
						+ " Generated "
						+ OffsetDateTime.now(ZoneOffset.UTC)
							.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
							.substring(0, 16)
						+ " UTC.",
				20, 58);
		int left = 20;
		int labelWidth = 380;
		int barWidth = 420;
		double scale = 2.0;
		int y = 90;
		for (Row r : targets) {
			double ratio = r.ratio();
			double target = targetValue(r.target());
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			g.drawString(r.name(), left, y + 16);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			g.drawString(r.target() + "  →  " + String.format(Locale.ROOT, "%.2f", ratio) + "  " + r.verdict(), left,
					y + 32);
			int x0 = left + labelWidth;
			g.setColor(new Color(235, 235, 235));
			g.fillRect(x0, y, barWidth, 34);
			g.setColor(Boolean.TRUE.equals(r.pass()) ? new Color(60, 160, 80) : new Color(200, 60, 50));
			int w = (int) Math.min(barWidth, Math.max(1, barWidth * (Double.isNaN(ratio) ? 0 : ratio) / scale));
			g.fillRect(x0, y, w, 34);
			if (!Double.isNaN(target)) {
				int tx = x0 + (int) Math.min(barWidth, barWidth * target / scale);
				g.setColor(Color.BLACK);
				g.setStroke(new BasicStroke(3));
				g.drawLine(tx, y - 4, tx, y + 38);
			}
			y += 56;
		}
		g.setColor(Color.GRAY);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		int x0 = left + labelWidth;
		for (double tick = 0; tick <= scale; tick += 0.5) {
			int tx = x0 + (int) (barWidth * tick / scale);
			g.drawString(String.format(Locale.ROOT, "%.1f", tick), tx - 8, y + 6);
		}
		// right: cases per second
		int cx = 900;
		int cw = 540;
		int ch = height - 200;
		int cy = 100;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString("Project registrations per second, submission to signed decision", cx, cy - 10);
		double max = casesPerSecond.values()
			.stream()
			.flatMapToDouble(java.util.Arrays::stream)
			.filter(v -> !Double.isNaN(v))
			.max()
			.orElse(1);
		int group = cw / Math.max(1, casesPerSecond.size());
		int i = 0;
		for (Map.Entry<Integer, double[]> e : new java.util.TreeMap<>(casesPerSecond).entrySet()) {
			int gx = cx + i * group + 10;
			double[] v = e.getValue();
			Color[] colors = { new Color(40, 90, 170), new Color(160, 160, 160) };
			for (int k = 0; k < v.length; k++) {
				if (Double.isNaN(v[k])) {
					continue;
				}
				// The tallest bar leaves room for its figure under the title.
				int bh = (int) (ch * 0.92 * v[k] / max);
				g.setColor(colors[k]);
				g.fillRect(gx + k * (group / 2 - 8), cy + ch - bh, group / 2 - 14, bh);
				g.setColor(Color.BLACK);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
				g.drawString(String.format(Locale.ROOT, "%.2f", v[k]), gx + k * (group / 2 - 8), cy + ch - bh - 4);
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.drawString(e.getKey() + (e.getKey() == 1 ? " client" : " clients"), gx + 20, cy + ch + 18);
			i++;
		}
		g.setColor(new Color(40, 90, 170));
		g.fillRect(cx, cy + ch + 34, 14, 14);
		g.setColor(new Color(160, 160, 160));
		g.fillRect(cx + 260, cy + ch + 34, 14, 14);
		g.setColor(Color.BLACK);
		g.drawString("product (HTTP API + security)", cx + 20, cy + ch + 46);
		g.drawString("bare engine (Java API, same models)", cx + 280, cy + ch + 46);
		g.dispose();
		Files.createDirectories(file.getParent());
		ImageIO.write(image, "png", file.toFile());
	}

	/** The number in a target such as "≥ 0.7×" or "≤ 1.5×". */
	static double targetValue(String target) {
		if (target == null) {
			return Double.NaN;
		}
		String digits = target.replaceAll("[^0-9.]", "");
		return digits.isEmpty() ? Double.NaN : Double.parseDouble(digits);
	}

}
