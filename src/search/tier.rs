//! How plainly a match says which group the person meant, before how well it scores.
//!
//! Scores alone mislead: letters of `node` scattered through a long project name can outscore
//! the word "Node" in a shorter field, and `uaa` is in order somewhere in half the registry.
//! So every match first gets a tier from where it is and how it sits (the query naming the
//! group or a project; a whole word of a project, repo, person or channel; a run inside a
//! word or in prose; a word one slip away; scattered letters; scattered letters in prose),
//! groups rank by tier and then by score, and the tail below the best tier is cut (`cut`).

use super::fields::Field;
use super::run::Shape;

/// Worst first, so `Ord` ranks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// Letters in order through a mission, goal or description: almost any text has them.
    ScatteredProse,
    /// Letters in order in a short field.
    Scattered,
    /// A word of a short field that is the term with one slip of the finger (`kubeclt`).
    Typo,
    /// A contiguous run that isn't a whole word, or any run in prose or in the status, kind
    /// and community, which every group of a community shares.
    Run,
    /// A whole word of a project, repo, person or channel.
    Word,
    /// The whole name, id or a project's name, or a whole word of the group's name.
    Named,
}

/// A tier is worth more than any sum of weighted scores (at most `64 × 100 × 1000 × 72`,
/// under 2^29), so a group ranks by its tiers first. See `hit::EXACT_NAME` for the one thing
/// worth more.
const TIER_POINTS: i64 = 1 << 32;
/// The best tier of any set is worth more than any sum of tiers (at most `64 × 5` tiers,
/// under 2^9 × `TIER_POINTS`).
const LEAD_POINTS: i64 = 1 << 41;

impl Tier {
    /// Where a match of this shape in this field stands.
    pub(crate) fn of(field: Field, shape: Shape) -> Tier {
        use Field::*;
        match (shape, field) {
            (Shape::Typo, _) => Tier::Typo,
            (Shape::Scattered, _) if field.is_prose() || field.is_label() => Tier::ScatteredProse,
            (Shape::Scattered, _) => Tier::Scattered,
            (Shape::Whole, Name | Id | Project) | (Shape::Word, Name) => Tier::Named,
            (Shape::Whole | Shape::Word, Project | Repo | Lead | Github | Chat) => Tier::Word,
            _ => Tier::Run,
        }
    }

    /// The best tier a match in this field can reach. It never rises along the fields'
    /// order (heaviest first), which lets a search stop looking once it has a match at the
    /// remaining fields' cap that no later field could outscore.
    pub(crate) fn cap(field: Field) -> Tier {
        use Field::*;
        match field {
            Name | Id | Project => Tier::Named,
            Lead | Github | Repo | Chat => Tier::Word,
            _ => Tier::Run,
        }
    }

    /// The best tier a term can reach in a field, knowing only whether the term's first char
    /// starts a word there and whether the field is as long as the term: a run that starts
    /// no word is a run at best, and only a field of the term's length can be it whole.
    pub(crate) fn reachable(field: Field, starts_word: bool, same_length: bool) -> Tier {
        use Field::*;
        let cap = Tier::cap(field);
        match field {
            _ if !starts_word => cap.min(Tier::Run),
            Id if !same_length => Tier::Run,
            Project if !same_length => Tier::Word,
            _ => cap,
        }
    }

    /// What a set of terms matched at this tier adds to a group's score.
    pub(crate) fn points(self) -> i64 {
        self as i64 * TIER_POINTS
    }

    /// What the best tier of all the sets adds on top: of several terms, one usually says
    /// which group ("uaa" in `cloud foundry uaa`) and the others narrow it down, so a group
    /// that one term names outranks one that every term only touches.
    pub(crate) fn lead_points(self) -> i64 {
        self as i64 * LEAD_POINTS
    }
}

/// The weighted part of a group's score, without its tiers and exact-name bonus.
fn weighted(score: i64) -> i64 {
    score & (TIER_POINTS - 1)
}

/// The fuzzy tail nobody wants, cut from hits ranked best first, each with its floor (the
/// tier of its weakest term). When some group matched every term as a run, groups where a
/// term only scattered its letters go; otherwise only the best tier stays, without groups
/// scoring under a third of the best of them. `floor` gives a hit's floor and score.
pub(crate) fn cut<T>(ranked: &mut Vec<T>, floor: impl Fn(&T) -> (Tier, i64)) {
    let Some(top) = ranked.iter().map(|hit| floor(hit).0).max() else {
        return;
    };
    if top >= Tier::Run {
        ranked.retain(|hit| floor(hit).0 >= Tier::Run);
        return;
    }
    ranked.retain(|hit| floor(hit).0 == top);
    let best = ranked
        .iter()
        .map(|hit| weighted(floor(hit).1))
        .max()
        .unwrap_or(0);
    ranked.retain(|hit| 3 * weighted(floor(hit).1) >= best);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_never_rise_along_the_fields_order() {
        let fields = Field::ALL;
        let mut ordered = fields.to_vec();
        ordered.sort_by_key(|f| -f.weight());
        assert!(
            ordered
                .windows(2)
                .all(|w| Tier::cap(w[0]) >= Tier::cap(w[1]))
        );
        for field in fields {
            for shape in [
                Shape::Whole,
                Shape::Word,
                Shape::WordStart,
                Shape::Inside,
                Shape::Typo,
                Shape::Scattered,
            ] {
                assert!(
                    Tier::of(field, shape) <= Tier::cap(field),
                    "{field:?} {shape:?}"
                );
            }
        }
    }

    #[test]
    fn the_tail_goes_below_a_run_or_below_the_best_tier() {
        let hits = |tiers: &[(Tier, i64)]| -> Vec<(Tier, i64)> {
            let mut ranked: Vec<(Tier, i64)> = tiers
                .iter()
                .map(|&(tier, weighted)| (tier, tier.points() + weighted))
                .collect();
            cut(&mut ranked, |hit| *hit);
            ranked.into_iter().map(|(t, s)| (t, weighted(s))).collect()
        };
        use Tier::*;
        assert_eq!(
            hits(&[(Named, 9), (Word, 1), (Run, 1), (Typo, 9), (Scattered, 9)]),
            [(Named, 9), (Word, 1), (Run, 1)]
        );
        assert_eq!(
            hits(&[(Typo, 90), (Typo, 31), (Typo, 29), (Scattered, 90)]),
            [(Typo, 90), (Typo, 31)]
        );
        assert_eq!(
            hits(&[(Scattered, 60), (ScatteredProse, 90)]),
            [(Scattered, 60)]
        );
        assert!(hits(&[]).is_empty());
    }
}
