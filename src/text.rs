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

/// A window of a text cut to fit: `text` is what to show (with `…` where something was
/// cut), and a character at index `i` of the original is at `i - start + shift` in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub text: String,
    /// Index (in chars) of the first original character shown.
    pub start: usize,
    /// Chars added in front of it: 1 for a leading `…`, else 0.
    pub shift: usize,
    /// Index (in chars) after the last original character shown.
    pub end: usize,
}

impl Window {
    /// Where the original's char positions land in `text`; those cut away are dropped.
    pub fn positions(&self, positions: &[usize]) -> Vec<usize> {
        positions
            .iter()
            .filter(|&&p| p >= self.start && p < self.end)
            .map(|p| p - self.start + self.shift)
            .collect()
    }
}

/// Cuts `text` to `width` columns so that the characters at `positions` (char indices, as
/// search reports them) stay visible: the end is cut when the matched part fits from the
/// start, otherwise the start too, at a word or path boundary when one is near, so a
/// matched repo reads "…/docs-uaa" rather than "…ocs-uaa". A match wider than the room
/// keeps its first characters.
pub fn cut_around(text: &str, width: usize, positions: &[usize]) -> Window {
    if width == 0 {
        return Window {
            text: String::new(),
            start: 0,
            shift: 0,
            end: 0,
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let from_start = || {
        let fits = text.width() <= width;
        let shown = truncate(text, width);
        // A cut text is a prefix of the original and a `…`.
        let end = if fits {
            chars.len()
        } else {
            shown.chars().count() - 1
        };
        Window {
            text: shown,
            start: 0,
            shift: 0,
            end,
        }
    };
    if text.width() <= width {
        return from_start();
    }
    let cols = |range: &[char]| range.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    let (first, last) = match (positions.iter().min(), positions.iter().max()) {
        (Some(&f), Some(&l)) if l < chars.len() => (f, l),
        _ => return from_start(),
    };
    // From the start, the match and an ellipsis after it fit: cut the end only.
    if cols(&chars[..=last]) < width {
        return from_start();
    }
    // Otherwise begin before the match, leaving a leading and maybe a trailing ellipsis.
    let room = width.saturating_sub(1);
    let needed = cols(&chars[first..=last]);
    let mut start = first;
    if needed < room {
        // Context before the match: at most what leaves the match and a closing `…` room,
        // and only back to the nearest boundary within it.
        let spare = room - needed - usize::from(last + 1 < chars.len());
        let mut s = first;
        let mut used = 0;
        while s > 0 && used + chars[s - 1].width().unwrap_or(0) <= spare {
            used += chars[s - 1].width().unwrap_or(0);
            s -= 1;
        }
        // The leftmost word start in reach, with the separator before it when that fits
        // too ("/docs-uaa" says it is a repo name).
        let boundary =
            (s..=first).find(|&i| i > 0 && is_boundary(chars[i - 1]) && !is_boundary(chars[i]));
        start = match boundary {
            Some(b) if b > s && chars[b - 1] != ' ' => b - 1,
            Some(b) => b,
            None => s,
        };
        if start == 0 {
            return from_start();
        }
    }
    let mut shown = String::from("…");
    let mut used = 1;
    let mut end = start;
    while end < chars.len() {
        let w = chars[end].width().unwrap_or(0);
        let closing = usize::from(end + 1 < chars.len());
        if used + w + closing > width {
            break;
        }
        shown.push(chars[end]);
        used += w;
        end += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    Window {
        text: shown,
        start,
        shift: 1,
        end,
    }
}

/// Where a reader's eye starts a new word or a new part of a path.
fn is_boundary(c: char) -> bool {
    matches!(c, ' ' | '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, width: usize, positions: &[usize]) -> (String, Vec<usize>) {
        let w = cut_around(text, width, positions);
        assert!(super::width(&w.text) <= width, "{w:?} wider than {width}");
        let p = w.positions(positions);
        (w.text, p)
    }

    #[test]
    fn a_match_near_the_start_cuts_only_the_end() {
        assert_eq!(
            cut("Foundational Infrastructure", 10, &[0, 1, 2]),
            ("Foundatio…".to_string(), vec![0, 1, 2])
        );
        assert_eq!(cut("short", 10, &[1]), ("short".to_string(), vec![1]));
    }

    #[test]
    fn a_match_at_the_end_starts_at_the_boundary_before_it() {
        // "uaa" of "cloudfoundry/docs-uaa": the repo name stays whole.
        let (text, positions) = cut("cloudfoundry/docs-uaa", 12, &[18, 19, 20]);
        assert_eq!(text, "…/docs-uaa");
        assert_eq!(positions, vec![7, 8, 9]);
        assert_eq!(&text.chars().skip(7).collect::<String>(), "uaa");
    }

    #[test]
    fn the_separator_is_shown_only_when_there_is_room_for_it() {
        assert_eq!(
            cut("cloudfoundry/docs-uaa", 9, &[18, 19, 20]).0,
            "…docs-uaa"
        );
        assert_eq!(
            cut("cloudfoundry/docs-uaa", 10, &[18, 19, 20]).0,
            "…/docs-uaa"
        );
        // Short of the word's start, as much of it as fits.
        assert_eq!(cut("cloudfoundry/docs-uaa", 8, &[18, 19, 20]).0, "…ocs-uaa");
    }

    #[test]
    fn a_match_in_the_middle_is_cut_on_both_sides() {
        let text = "The Technical Oversight Committee governs the whole project";
        let o = text.find("Oversight").unwrap();
        let positions: Vec<usize> = (o..o + 9).collect();
        let (shown, p) = cut(text, 20, &positions);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("Oversight"), "{shown}");
        assert_eq!(p.len(), 9);
    }

    #[test]
    fn a_match_wider_than_the_room_keeps_its_first_characters() {
        let text = "aaaaaaaaaa bbbbbbbbbbbbbbbbbbbb";
        let positions: Vec<usize> = (11..31).collect();
        let (shown, p) = cut(text, 8, &positions);
        assert_eq!(shown, "…bbbbbb…");
        assert_eq!(p, vec![1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn wide_characters_count_twice() {
        let (shown, p) = cut("中文中文中文 match", 10, &[7, 8]);
        assert!(shown.contains("ma"), "{shown}");
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn truncation_counts_wide_characters() {
        assert_eq!(truncate("中文中文", 5), "中文…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(width("中文a"), 5);
    }
}
