//! The query language, fzf's extended search syntax: space-separated terms that must all match,
//! `|` between terms for "either", and the operators `'exact`, `'word'`, `^prefix`, `suffix$`,
//! `^whole$` and `!` (none of the group's fields contains the text). A backslash before a space
//! makes the space part of the term.

use super::fold::fold;
use super::summary::{char_mask, char_mask_of, pair_hashes};
use crate::untrusted::limits::{MAX_QUERY_CHARS, MAX_QUERY_TERMS};

/// How a term compares with one field's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TermKind {
    /// The term's chars appear in order, anywhere.
    Fuzzy,
    /// `'text`: a substring.
    Exact,
    /// `'text'`: a substring with a word boundary on each side.
    Word,
    /// `^text`: the field starts with it.
    Prefix,
    /// `text$`: the field ends with it.
    Suffix,
    /// `^text$`: the whole field.
    Equal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub kind: TermKind,
    /// `!`: the term matches a group when no field matches its text.
    pub inverse: bool,
    /// Smart case: a term with an uppercase letter is compared with the original text.
    pub sensitive: bool,
    /// What is compared: as typed when `sensitive`, otherwise folded like `FieldText::folded`.
    pub text: Box<str>,
    /// Folded whatever the case, for masks and the exact-name rule.
    pub folded: Box<str>,
    pub chars: usize,
    /// The chars of `text`.
    pub needle: Box<[char]>,
    pub mask: u64,
    /// The mask bit of the first folded char, checked against `FieldText::word_starts`.
    pub first: u64,
    /// Hashes of adjacent folded char pairs, checked against `FieldText::pairs`.
    pub pairs: Box<[u32]>,
}

impl Term {
    /// `None` for a token that is only operators (`!`, `^`, `'`), which fzf ignores.
    fn parse(token: &str) -> Option<Term> {
        let sensitive = token.chars().any(char::is_uppercase);
        let mut kind = TermKind::Fuzzy;
        let mut inverse = false;
        let mut text = token;
        if let Some(rest) = text.strip_prefix('!') {
            inverse = true;
            kind = TermKind::Exact;
            text = rest;
        }
        if text != "$" && text.ends_with('$') {
            kind = TermKind::Suffix;
            text = &text[..text.len() - 1];
        }
        if text.len() > 2 && text.starts_with('\'') && text.ends_with('\'') {
            kind = TermKind::Word;
            text = &text[1..text.len() - 1];
        } else if let Some(rest) = text.strip_prefix('\'') {
            // As in fzf, `'` flips exactness: `!'text` is an inverse fuzzy term.
            kind = if inverse {
                TermKind::Fuzzy
            } else {
                TermKind::Exact
            };
            text = rest;
        } else if let Some(rest) = text.strip_prefix('^') {
            kind = if kind == TermKind::Suffix {
                TermKind::Equal
            } else {
                TermKind::Prefix
            };
            text = rest;
        }
        if text.is_empty() {
            return None;
        }
        let folded = fold(text);
        Some(Term {
            kind,
            inverse,
            sensitive,
            text: if sensitive {
                text.into()
            } else {
                folded.clone().into()
            },
            mask: char_mask(&folded),
            first: folded.chars().next().map_or(0, char_mask_of),
            pairs: pair_hashes(&folded),
            chars: text.chars().count(),
            needle: if sensitive {
                text.chars().collect()
            } else {
                folded.chars().collect()
            },
            folded: folded.into(),
        })
    }
}

/// A query longer than searching should take: every term is matched against every field of
/// every group, so the work grows with the terms, and each term's with its length.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TooLong {
    #[error("the query has {0} characters; townhall searches with at most {MAX_QUERY_CHARS}")]
    Chars(usize),
    #[error("the query has {0} terms; townhall searches with at most {MAX_QUERY_TERMS}")]
    Terms(usize),
}

/// A parsed query. Parsing never fails: anything typed is a valid query, and past the limits
/// ([`Query::check`] tells) only the first characters and terms count, so work is bounded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Every set must match a group; within a set, any one term is enough.
    pub(crate) sets: Vec<Vec<Term>>,
    /// The folded terms joined by single spaces when the query is plain words, so typing a
    /// whole multi-word name ("app runtime interfaces") counts as naming the group exactly.
    pub(crate) phrase: Option<Box<str>>,
}

impl Query {
    /// Whether `input` is within the limits of what is searched.
    pub fn check(input: &str) -> Result<(), TooLong> {
        let chars = input.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(TooLong::Chars(chars));
        }
        match tokens(input).iter().filter(|t| *t != "|").count() {
            n if n > MAX_QUERY_TERMS => Err(TooLong::Terms(n)),
            _ => Ok(()),
        }
    }

    pub fn parse(input: &str) -> Query {
        let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => &input[..cut],
            None => input,
        };
        let mut terms = 0;
        let mut sets = Vec::new();
        let mut set = Vec::new();
        // fzf's rule: `|` joins the next term to the current set; a leading or doubled `|` is
        // an ordinary term.
        let mut next_starts_set = false;
        let mut after_bar = false;
        for token in tokens(input) {
            if !set.is_empty() && !after_bar && token == "|" {
                next_starts_set = false;
                after_bar = true;
                continue;
            }
            after_bar = false;
            if terms == MAX_QUERY_TERMS {
                break;
            }
            if let Some(term) = Term::parse(&token) {
                terms += 1;
                if next_starts_set {
                    sets.push(std::mem::take(&mut set));
                }
                set.push(term);
                next_starts_set = true;
            }
        }
        if !set.is_empty() {
            sets.push(set);
        }
        let phrase = plain_phrase(&sets);
        Query { sets, phrase }
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// Every term that can add to a score: the ones without `!`.
    pub(crate) fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.sets.iter().flatten().filter(|t| !t.inverse)
    }
}

fn plain_phrase(sets: &[Vec<Term>]) -> Option<Box<str>> {
    if sets.len() < 2 || sets.iter().any(|set| set.len() != 1 || set[0].inverse) {
        return None;
    }
    let words: Vec<&str> = sets.iter().map(|set| &*set[0].folded).collect();
    Some(words.join(" ").into())
}

/// Splits on whitespace, except a space escaped with a backslash.
fn tokens(input: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&' ') {
            current.push(' ');
            chars.next();
        } else if c.is_whitespace() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parsed sets as text: terms of a set joined by `|`, sets by `&`.
    fn shape(input: &str) -> String {
        let sets: Vec<String> = Query::parse(input)
            .sets
            .iter()
            .map(|set| {
                let terms: Vec<String> = set
                    .iter()
                    .map(|t| {
                        format!(
                            "{}{:?}:{}",
                            if t.inverse { "!" } else { "" },
                            t.kind,
                            t.text
                        )
                    })
                    .collect();
                terms.join(" | ")
            })
            .collect();
        sets.join(" & ")
    }

    #[test]
    fn operators_parse_like_fzf() {
        assert_eq!(
            shape("fuzzy 'exact ^pre suf$ ^all$ 'word'"),
            "Fuzzy:fuzzy & Exact:exact & Prefix:pre & Suffix:suf & Equal:all & Word:word"
        );
        assert_eq!(
            shape("!not !^pre !suf$ !'fuzzy"),
            "!Exact:not & !Prefix:pre & !Suffix:suf & !Fuzzy:fuzzy"
        );
    }

    #[test]
    fn bar_joins_neighbouring_terms_into_one_set() {
        assert_eq!(shape("a | b c"), "Fuzzy:a | Fuzzy:b & Fuzzy:c");
        // A leading bar is a term of its own; a trailing one waits for the next term.
        assert_eq!(shape("| a"), "Fuzzy:| & Fuzzy:a");
        assert_eq!(shape("a |"), "Fuzzy:a");
        assert_eq!(shape("a | ^b$ | !c"), "Fuzzy:a | Equal:b | !Exact:c");
    }

    #[test]
    fn lone_operators_and_blank_input_are_ignored() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   \t ").is_empty());
        assert!(Query::parse("! ^ '").is_empty());
        assert_eq!(shape("$"), "Fuzzy:$");
    }

    #[test]
    fn smart_case_keeps_uppercase_terms_as_typed() {
        assert_eq!(
            shape("UAA cloudÉvents müller"),
            "Fuzzy:UAA & Fuzzy:cloudÉvents & Fuzzy:muller"
        );
        let query = Query::parse("UAA uaa");
        assert!(query.sets[0][0].sensitive);
        assert!(!query.sets[1][0].sensitive);
        assert_eq!(&*query.sets[0][0].folded, "uaa");
    }

    #[test]
    fn long_queries_are_refused_by_check_and_cut_by_parse() {
        let many = "ab ".repeat(33_000);
        assert_eq!(Query::check(&many), Err(TooLong::Chars(99_000)));
        let terms = "a ".repeat(MAX_QUERY_TERMS + 1);
        assert_eq!(
            Query::check(&terms),
            Err(TooLong::Terms(MAX_QUERY_TERMS + 1))
        );
        assert_eq!(Query::check(&"a | ".repeat(MAX_QUERY_TERMS)), Ok(()));
        let parsed = Query::parse(&many);
        assert_eq!(parsed.sets.iter().flatten().count(), MAX_QUERY_TERMS);
    }

    #[test]
    fn escaped_space_stays_inside_a_term() {
        assert_eq!(shape(r"'service\ fabrik"), "Exact:service fabrik");
    }

    #[test]
    fn plain_words_form_a_phrase_for_the_exact_name_rule() {
        let phrase = Query::parse("App  Runtime interfaces").phrase;
        assert_eq!(phrase.as_deref(), Some("app runtime interfaces"));
        assert_eq!(Query::parse("app | runtime").phrase, None);
        assert_eq!(Query::parse("app !runtime").phrase, None);
    }
}
