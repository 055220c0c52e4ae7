//! Server-rendered SVG charts for the Stats page: horizontal bars and columns over time, no
//! JavaScript. The SVG is built here as text and inserted whole, so every label is escaped here
//! (item names, handles and escalation reasons can carry anything), control characters shown as
//! visible escapes like everywhere in the console.

use super::views::{html_escape, shown};
use std::fmt::Write as _;

/// `s` safe inside SVG text and attribute values.
fn esc(s: &str) -> String {
    html_escape(&shown(s))
}

const W: f64 = 640.0;
const ROW: f64 = 22.0;
const LABEL_W: f64 = 220.0;

/// Horizontal bars, one per `(label, value, shown)` row; `shown` is the value as printed.
pub fn bars(title: &str, rows: &[(String, f64, String)]) -> String {
    let h = ROW * rows.len().max(1) as f64 + 8.0;
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max);
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-label="{t}" viewBox="0 0 {W} {h}" width="100%" preserveAspectRatio="xMinYMin meet"><title>{t}</title>"#,
        t = esc(title)
    );
    if rows.is_empty() {
        let _ = write!(svg, r#"<text x="4" y="16">nothing yet</text>"#);
    }
    for (i, (label, value, printed)) in rows.iter().enumerate() {
        let y = i as f64 * ROW + 4.0;
        let len = if max > 0.0 {
            (W - LABEL_W - 90.0) * value / max
        } else {
            0.0
        };
        let _ = write!(
            svg,
            r#"<text x="{lx}" y="{ty}" text-anchor="end">{label}</text><rect x="{LABEL_W}" y="{y}" width="{len:.1}" height="{bh}" rx="2"/><text x="{vx:.1}" y="{ty}">{shown}</text>"#,
            lx = LABEL_W - 6.0,
            ty = y + 14.0,
            label = esc(&short(label, 30)),
            bh = ROW - 6.0,
            vx = LABEL_W + len + 6.0,
            shown = esc(printed),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Columns over time: one per `(x label, value)`, with the largest value marked.
pub fn columns(title: &str, points: &[(String, f64)]) -> String {
    let (h, base) = (180.0, 150.0);
    let max = points.iter().map(|p| p.1).fold(0.0_f64, f64::max);
    let n = points.len().max(1) as f64;
    let step = (W - 40.0) / n;
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-label="{t}" viewBox="0 0 {W} {h}" width="100%" preserveAspectRatio="xMinYMin meet"><title>{t}</title><line x1="30" y1="{base}" x2="{W}" y2="{base}" class="axis"/>"#,
        t = esc(title)
    );
    if points.is_empty() {
        let _ = write!(svg, r#"<text x="34" y="80">nothing yet</text>"#);
    }
    let _ = write!(svg, r#"<text x="0" y="14">{}</text>"#, fmt_num(max));
    let every = (points.len() / 8).max(1);
    for (i, (label, v)) in points.iter().enumerate() {
        let x = 34.0 + i as f64 * step;
        let bh = if max > 0.0 {
            (base - 20.0) * v / max
        } else {
            0.0
        };
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{bh:.1}"><title>{l}: {v}</title></rect>"#,
            y = base - bh,
            w = (step - 2.0).max(1.0),
            l = esc(label),
            v = fmt_num(*v),
        );
        if i % every == 0 {
            let _ = write!(
                svg,
                r#"<text x="{x:.1}" y="{ty}" class="tick">{l}</text>"#,
                ty = base + 16.0,
                l = esc(label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_bars_scale_to_the_largest_value() {
        let rows = vec![
            (
                "<script>alert(1)</script>".to_string(),
                10.0,
                "$10.00".to_string(),
            ),
            ("b".to_string(), 5.0, "$5.00".to_string()),
        ];
        let svg = bars("revenue", &rows);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(!bars("t", &[("\u{1b}[31m".into(), 1.0, "1".into())]).contains('\u{1b}'));
        assert!(svg.contains("&lt;script&gt;"));
        let widths: Vec<f64> = svg
            .split("width=\"")
            .skip(2)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 2, "{svg}");
        assert!((widths[0] - 2.0 * widths[1]).abs() < 0.2, "{widths:?}");
    }

    #[test]
    fn an_empty_chart_says_so() {
        assert!(bars("x", &[]).contains("nothing yet"));
        assert!(columns("x", &[]).contains("nothing yet"));
    }
}
