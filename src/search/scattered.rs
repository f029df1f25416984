//! Scoring a term whose chars are in a field in order but not side by side.
//!
//! SkimMatcherV2 finds the best alignment, at about a microsecond per short field; run on every
//! field of 10,000 groups per keystroke that alone would blow the time budget. So fields are
//! first compared by fzf's first algorithm (the greedy match's end, then the latest start
//! before it) scored with SkimMatcherV2's constants, which takes a pass over the chars, and only
//! the field chosen for a group is scored by SkimMatcherV2 itself. Prose is never given to
//! SkimMatcherV2: a few hundred chars cost several microseconds, and letters scattered through
//! a mission say little, so prose counts the gaps in its tightest window and a quarter of that.

use std::cell::RefCell;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::Term;
use super::run::{BONUS_CONSECUTIVE, SCORE_MATCH, in_place_bonus};
use super::scan::{is_subsequence, tight_window, window_positions};
#[cfg(test)]
use super::store::FieldStore;
use super::store::FieldText;

/// Scattered letters in prose count this fraction of what they would in a name.
pub(crate) const PROSE_SHARE: i64 = 4;
/// SkimMatcherV2's penalty for opening a gap; each skipped char costs one more.
const GAP_START: i64 = 3;

/// A cheap estimate, on SkimMatcherV2's scale, of a scattered match in a short field.
pub(crate) fn estimate(term: &Term, text: &FieldText, hay: &str) -> Option<i64> {
    // The forward pass doubles as the subsequence check (and returns `None` when it fails).
    if text.is_ascii() {
        let (matched, written) = (hay.as_bytes(), text.original().as_bytes());
        return SCRATCH.with_borrow_mut(|Scratch { positions, .. }| {
            greedy_positions(
                matched.len(),
                |i| matched[i] as char,
                &term.needle,
                positions,
            )?;
            Some(alignment_score(positions, |i| written[i] as char))
        });
    }
    if !is_subsequence(&term.text, hay) {
        return None;
    }
    SCRATCH.with_borrow_mut(|Scratch { chars, positions }| {
        chars.clear();
        chars.extend(hay.chars().zip(text.original().chars()));
        greedy_positions(chars.len(), |i| chars[i].0, &term.needle, positions)?;
        Some(alignment_score(positions, |i| chars[i].1))
    })
}

/// Positions of fzf's first algorithm over `len` chars (`matched(i)` is the i-th as compared):
/// scan forward until the needle is complete, then back from there taking each char as late
/// as possible, which gives the tightest window ending at the earliest possible end.
fn greedy_positions(
    len: usize,
    matched: impl Fn(usize) -> char,
    needle: &[char],
    positions: &mut Vec<usize>,
) -> Option<()> {
    let mut wanted = needle.iter();
    let mut next = wanted.next()?;
    let mut end = None;
    for i in 0..len {
        if matched(i) == *next {
            match wanted.next() {
                Some(n) => next = n,
                None => {
                    end = Some(i);
                    break;
                }
            }
        }
    }
    positions.clear();
    let mut wanted = needle.iter().rev().peekable();
    for i in (0..=end?).rev() {
        if wanted.next_if_eq(&&matched(i)).is_some() {
            positions.push(i);
        }
    }
    positions.reverse();
    Some(())
}

/// SkimMatcherV2's scoring of one alignment (`written(i)` is the i-th char as written): 16 per
/// char, the char's boundary bonus (or the run's, carried along consecutive chars), minus 3
/// plus one per skipped char for each gap.
fn alignment_score(positions: &[usize], written: impl Fn(usize) -> char) -> i64 {
    let mut score = 0;
    let mut previous: Option<(usize, i64)> = None;
    for &at in positions {
        let in_place = in_place_bonus(at.checked_sub(1).map(&written), written(at));
        let bonus = match previous {
            Some((last, carried)) if last + 1 == at => carried.max(in_place).max(BONUS_CONSECUTIVE),
            Some((last, _)) => {
                score -= GAP_START + (at - last - 1) as i64;
                in_place
            }
            None => in_place,
        };
        score += SCORE_MATCH + bonus;
        previous = Some((at, bonus));
    }
    score
}

/// Scattered letters in prose: the tightest window's gaps, a quarter of a name's worth.
pub(crate) fn prose_quality(term: &Term, text: &FieldText, hay: &str) -> Option<i64> {
    let (start, end) = tight_window(hay, &term.text)?;
    let window = if text.is_ascii() {
        end - start
    } else {
        hay[start..end].chars().count()
    };
    let gaps = window as i64 - term.chars as i64;
    Some((SCORE_MATCH * term.chars as i64 - gaps) / PROSE_SHARE)
}

pub(crate) fn prose_positions(term: &Term, hay: &str) -> Vec<usize> {
    window_positions(hay, &term.text)
}

/// SkimMatcherV2's score and positions (char indices) for the term in a short field.
pub(crate) fn skim_match(term: &Term, text: &FieldText) -> Option<(i64, Vec<usize>)> {
    let (matcher, choice) = skim_input(term, text);
    matcher.fuzzy_indices(choice, &term.text)
}

/// SkimMatcherV2's positions (char indices) for the term in a short field.
pub(crate) fn skim_positions(term: &Term, text: &FieldText) -> Vec<usize> {
    let (matcher, choice) = skim_input(term, text);
    matcher
        .fuzzy_indices(choice, &term.text)
        .map(|(_, at)| at)
        .unwrap_or_default()
}

fn skim_input<'t>(term: &Term, text: &FieldText<'t>) -> (&'static SkimMatcherV2, &'t str) {
    let matchers = matchers();
    if term.sensitive {
        (&matchers.respect_case, text.original())
    } else {
        (&matchers.ignore_case, text.skim_text())
    }
}

struct Matchers {
    ignore_case: SkimMatcherV2,
    respect_case: SkimMatcherV2,
}

/// Built once: the matchers keep per-thread scratch space between calls.
fn matchers() -> &'static Matchers {
    static MATCHERS: OnceLock<Matchers> = OnceLock::new();
    MATCHERS.get_or_init(|| Matchers {
        ignore_case: SkimMatcherV2::default().ignore_case(),
        respect_case: SkimMatcherV2::default().respect_case(),
    })
}

/// Buffers reused across calls, so estimating allocates nothing per field.
#[derive(Default)]
struct Scratch {
    /// (char as matched, char as written) for each char of the field.
    chars: Vec<(char, char)>,
    positions: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Field;
    use crate::search::Query;

    fn term(query: &str) -> Term {
        Query::parse(query).sets.remove(0).remove(0)
    }

    #[test]
    fn estimate_takes_the_tightest_window_at_the_earliest_end() {
        let text: Vec<char> = "a-b-ab".chars().collect();
        let greedy = |needle: &[char]| {
            let mut positions = Vec::new();
            greedy_positions(text.len(), |i| text[i], needle, &mut positions).map(|()| positions)
        };
        assert_eq!(greedy(&['a', 'b']), Some(vec![0, 2]));
        assert_eq!(greedy(&['b', 'a']), Some(vec![2, 4]));
        assert_eq!(greedy(&['c']), None);
    }

    #[test]
    fn estimate_stays_within_a_quarter_of_skims_score() {
        let cases = [
            ("ari", "App Runtime Interfaces"),
            ("fbk", "Service Fabrik Book"),
            ("cfuaa", "cloudfoundry/uaa"),
            ("uaa", "cloudfoundry/app-autoscaler"),
            ("clev", "CloudEvents spec"),
            ("jmu", "Jürgen Müller"),
            ("Srv", "Cloud Service Broker"),
        ];
        for (query, field) in cases {
            let term = term(query);
            let store = FieldStore::one(Field::Project, field);
            let text = store.get(0);
            let hay = if term.sensitive {
                &text.original()
            } else {
                &text.folded()
            };
            let estimate = estimate(&term, &text, hay).unwrap();
            let (skim, _) = skim_match(&term, &text).unwrap();
            let off = (estimate - skim).abs();
            assert!(off * 4 <= skim, "{query} in {field}: {estimate} vs {skim}");
        }
    }

    #[test]
    fn prose_counts_a_quarter_less_the_gaps() {
        let term = term("fbk");
        let store = FieldStore::one(Field::Mission, "a fab and a long bulky");
        let text = store.get(0);
        // Window "fab and a long bulk": 19 chars, 16 skipped.
        assert_eq!(
            prose_quality(&term, &text, text.folded()),
            Some((16 * 3 - 16) / 4)
        );
        assert_eq!(prose_positions(&term, text.folded()), [2, 17, 20]);
    }
}
