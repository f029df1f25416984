//! When a new query can only match fewer groups than the last one, so a keystroke can refilter
//! the previous hits instead of every group.

use super::query::{Query, Term, TermKind};

impl Query {
    /// True when every group matching `self` also matches `previous` (the user typed more
    /// characters of a term, or added a term), so the caller may search only within the
    /// previous hits. Conservative: false whenever the implication isn't plain from the terms.
    pub fn narrows(&self, previous: &Query) -> bool {
        // Each set of `previous` must be implied by some set of `self`.
        previous
            .sets
            .iter()
            .all(|older| self.sets.iter().any(|newer| set_implies(newer, older)))
    }
}

/// A group matching some term of `newer` matches some term of `older`.
fn set_implies(newer: &[Term], older: &[Term]) -> bool {
    newer
        .iter()
        .all(|a| older.iter().any(|b| term_implies(a, b)))
}

fn term_implies(a: &Term, b: &Term) -> bool {
    match (a.inverse, b.inverse) {
        (false, false) => field_implies(a, b),
        // "No field has b" follows from "no field has a" when having b means having a.
        (true, true) => field_implies(b, a),
        _ => false,
    }
}

/// For any one field's text: `a` matches it, so `b` does, and where `a` is a run so is `b`.
/// The second half matters because the previous hits lack the tail `tier::cut` dropped: a
/// group where the new term is a run must not be one where the old term only scattered its
/// letters (`cd` then `cloud`), so a fuzzy term narrows only a term inside it.
fn field_implies(a: &Term, b: &Term) -> bool {
    // Folding is char by char, so a match on the original is also a match on the folded text;
    // a case-sensitive `b` only follows from a case-sensitive `a`.
    let (x, y) = match (a.sensitive, b.sensitive) {
        (_, false) => (&*a.folded, &*b.folded),
        (true, true) => (&*a.text, &*b.text),
        (false, true) => return false,
    };
    use TermKind::*;
    match (a.kind, b.kind) {
        (_, Fuzzy) | (Exact | Word | Prefix | Suffix | Equal, Exact) => x.contains(y),
        (Prefix | Equal, Prefix) => x.starts_with(y),
        (Suffix | Equal, Suffix) => x.ends_with(y),
        (Word, Word) | (Equal, Equal) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrows(newer: &str, older: &str) -> bool {
        Query::parse(newer).narrows(&Query::parse(older))
    }

    #[test]
    fn typing_more_of_a_term_or_another_term_narrows() {
        assert!(narrows("clo", "cl"));
        assert!(narrows("cloud", "lou"));
        assert!(narrows("cloud events", "cloud"));
        assert!(narrows("events cloud", "cloud"));
        assert!(narrows("anything", ""));
        assert!(narrows("'cloud", "'clo"));
        assert!(narrows("'cloud", "clo"));
        assert!(narrows("^cloud", "^clo"));
        assert!(narrows("^cloud$", "^clo"));
        assert!(narrows("dfoundry$", "ndry$"));
        assert!(narrows("cloud", "cloud"));
    }

    #[test]
    fn a_term_only_scattered_inside_the_new_one_does_not_narrow() {
        // A group with "cloud" may have had "cd" only scattered, and been cut from the hits.
        assert!(!narrows("cloud", "cd"));
        assert!(!narrows("'cloud", "cld"));
        assert!(!narrows("^cloud", "cod"));
    }

    #[test]
    fn widening_edits_do_not_narrow() {
        assert!(!narrows("cl", "clo"));
        assert!(!narrows("", "a"));
        assert!(!narrows("cloud", "cloud events"));
        assert!(!narrows("clo", "'clo"));
        assert!(!narrows("^clo", "^cloud"));
        assert!(!narrows("'word'", "'wor'"));
    }

    #[test]
    fn or_narrows_only_when_alternatives_are_dropped_or_narrowed() {
        assert!(!narrows("a | b", "a"));
        assert!(narrows("a", "a | b"));
        assert!(narrows("ab | bc", "a | b"));
        assert!(!narrows("a | b | c", "a | b"));
        assert!(narrows("a | b c", "a | b"));
    }

    #[test]
    fn negation_narrows_only_when_its_text_gets_shorter() {
        assert!(narrows("!fo", "!foo"));
        assert!(!narrows("!foo", "!fo"));
        assert!(narrows("cloud !foo", "cloud"));
        assert!(!narrows("!^foo", "!foo"));
        assert!(narrows("!foo", "!^foo"));
        assert!(!narrows("a", "!a"));
    }

    #[test]
    fn case_sensitive_terms_narrow_insensitive_ones_but_not_the_reverse() {
        assert!(narrows("Cl", "c"));
        assert!(narrows("Cloud", "Cl"));
        assert!(!narrows("cl", "C"));
        assert!(narrows("mül", "mu"));
    }
}
