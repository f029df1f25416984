//! How much room text takes on a terminal, and cutting it to fit. Shared by the CLI's tables
//! and the browser's panes so both count wide characters (中文, emoji) the same way.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Terminal columns a string takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Cuts `text` to `width` terminal columns, ending in `…` when anything was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_wide_characters() {
        assert_eq!(truncate("中文中文", 5), "中文…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(width("中文a"), 5);
    }
}
