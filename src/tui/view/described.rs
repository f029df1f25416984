//! Draws a [`crate::present`] description in a pane: the same items `townhall show` prints,
//! with labels in a column, links dimmed, and the key that acts on an item named from the key
//! table.

use ratatui::text::{Line, Span};

use super::super::action::Action;
use super::super::keymap::key;
use super::super::theme::Theme;
use super::wrap::{Hanging, hanging};
use crate::present::{Hint, Item, Section};
use crate::text::width;

/// "(s opens it)": what the browser does with a hinted section or item, and its key.
pub fn hint(h: Hint) -> String {
    match h {
        Hint::Join => format!("({})", key(Action::Join)),
        Hint::Chat => format!("({} opens it)", key(Action::OpenChat)),
        Hint::MailingList => format!("({} opens the first)", key(Action::OpenMailingList)),
        Hint::Successor => format!("({} goes there)", key(Action::GoToSuccessor)),
        Hint::Links => format!(
            "({}, then the number, opens one)",
            key(Action::OpenLinkPicker)
        ),
    }
}

/// A blank line and the section's title, with its hint.
pub fn heading(section: &Section, theme: &Theme) -> [Hanging; 2] {
    let mut spans = vec![Span::styled(section.title.clone(), theme.heading)];
    if let Some(h) = section.hint {
        spans.push(Span::styled(format!("  {}", hint(h)), theme.dim));
    }
    [hanging(Line::default(), 0), hanging(Line::from(spans), 0)]
}

/// Labels longer than this (a meeting link's title) overflow their own line, so one long
/// label doesn't push every value to the right.
const MAX_LABEL: usize = 13;

/// The section's items; labels line up in a column at least `min_label` wide, so the
/// meetings pane keeps one column across meetings.
pub fn items(section: &Section, min_label: usize, theme: &Theme) -> Vec<Hanging> {
    let label_width = section
        .items
        .iter()
        .filter_map(|i| Some(width(&label_text(i.label.as_ref()?, i.hint))))
        .filter(|w| *w <= MAX_LABEL)
        .max()
        .map(|w| w.max(min_label));
    let numbered = section.hint == Some(Hint::Links);
    let mut out = Vec::new();
    for item in &section.items {
        out.extend(lines(item, label_width, numbered, theme));
    }
    out
}

fn label_text(label: &str, hint_of: Option<Hint>) -> String {
    match hint_of {
        Some(h @ Hint::Join) => format!("{label} {}", hint(h)),
        _ => label.to_string(),
    }
}

fn lines(item: &Item, label_width: Option<usize>, numbered: bool, theme: &Theme) -> Vec<Hanging> {
    let mut spans = vec![Span::raw("  ")];
    let mut indent = if item.text.starts_with("• ") { 4 } else { 2 };
    if let (Some(label), Some(w)) = (&item.label, label_width) {
        let label = label_text(label, item.hint);
        let pad = " ".repeat(w.saturating_sub(width(&label)));
        let w = w.max(width(&label)).min(MAX_LABEL);
        let style = if numbered {
            theme.link_number
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!("{label}{pad} "), style));
        indent = 2 + w + 1;
    }
    spans.push(Span::raw(item.text.clone()));
    if let Some(link) = &item.link {
        spans.push(Span::styled(format!("  {link}"), theme.dim));
    }
    if let Some(h) = item.hint.filter(|h| *h != Hint::Join) {
        spans.push(Span::styled(format!("  {}", hint(h)), theme.dim));
    }
    let mut out = vec![hanging(Line::from(spans), indent)];
    for more in &item.more {
        out.push(hanging(
            Line::from(Span::styled(format!("    {more}"), theme.dim)),
            4,
        ));
    }
    out
}

#[cfg(test)]
mod tests;
