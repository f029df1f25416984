//! Styled text for the panes; plain widths and cutting come from `crate::text`.

use ratatui::style::Style;
use ratatui::text::Span;

/// Spans of `text` with the chars at `positions` (char indices) in `matched` style, so the
/// highlight comes from the same engine that matched and can't disagree with it.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    let mut next = positions.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        let is_match = next.peek().is_some_and(|&&p| p == i);
        if is_match {
            next.next();
        }
        if is_match != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { matched } else { base },
            ));
        }
        run_matched = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn highlights_chars_not_bytes() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        let spans = highlighted("Jörg 中文", &[1, 2, 5], Style::new(), hl);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hl))
            .collect();
        assert_eq!(
            parts,
            [
                ("J", false),
                ("ör", true),
                ("g ", false),
                ("中", true),
                ("文", false)
            ]
        );
    }
}
