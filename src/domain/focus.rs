//! Focus areas the action plan could take up, suggested from the finished
//! parts of the results (figures that are shown only).

use std::cmp::Ordering;

use serde::Serialize;

use super::divergence::{Comparison, Verdict};
use super::results::CaseBySide;
use super::results::items::AssessmentResults;
use super::results::relationships::{RelationshipMap, RelationshipResults};
use super::scoring::DeliveryCase;
use super::significance::{Certainty, Significance};
use super::toolkit::{
    IMPROVE_STRATEGIC, SUPPORT_TO_STRATEGIC, TYPOLOGY_GAPS, Toolkit, item_consideration,
};
use super::values::RelationshipType;

/// A principle sub-score (out of 15) below this is a weak principle: an
/// average answer under 3, "to a medium extent".
pub const WEAK_PRINCIPLE_BELOW: u32 = 9;
/// At most this many focus areas are about council and VCS seeing an item
/// differently.
const MAX_DIVERGENT_FOCUS_AREAS: usize = 3;
/// At most this many focus areas are suggested.
pub const MAX_FOCUS_AREAS: usize = 8;
/// A divergence that could be chance ranks after a clear one whose gap is
/// at most this many scale points smaller: gaps that close are "of similar
/// size", and the clear one is the safer place to start.
pub const SIMILAR_GAP_WITHIN: f64 = 0.5;
/// The weight of a relationship whose overall case needs no focus but
/// which the two sides place in different cases.
const SIDES_DIFFER_WEIGHT: f64 = 0.75;

/// Something the action plan could focus on, suggested from the results.
/// The domain gives the facts; the report words them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FocusArea {
    /// The toolkit consideration it belongs to, or "other".
    pub consideration_key: String,
    pub finding: Finding,
    /// Higher is more pressing; see [`suggest_focus_areas`].
    pub weight: f64,
    /// For an area about council and VCS seeing an item differently: how
    /// sure we can be of that difference.
    pub certainty: Option<Certainty>,
}

/// What a focus area found, as facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// No relationship of these types.
    TypologyGaps { types: Vec<RelationshipType> },
    /// Meant to be strategic but scoring under `target` of 75.
    IntentOnly {
        relationship: String,
        score: u32,
        target: u32,
        sides: Option<CasesBySide>,
    },
    /// Strategic in delivery but not meant to be.
    DeliveryOnly {
        relationship: String,
        score: u32,
        sides: Option<CasesBySide>,
    },
    /// The sides place the relationship in different cases.
    SidesDiffer {
        relationship: String,
        score: u32,
        sides: CasesBySide,
    },
    /// A principle scoring under `below` of 15 for these relationships,
    /// lowest first.
    WeakPrinciple {
        principle: String,
        below: u32,
        relationships: Vec<(String, u32)>,
    },
    /// Council and VCS see an item differently.
    ItemSeenDifferently {
        item: String,
        /// `None` for a benefit.
        relationship: Option<String>,
        council: f64,
        vcs: f64,
        comparison: Comparison,
        significance: Option<Significance>,
    },
}

impl Finding {
    /// For a finding about one relationship, the different cases the two
    /// sides place it in, when they do.
    pub fn sides(&self) -> Option<CasesBySide> {
        match self {
            Finding::IntentOnly { sides, .. } | Finding::DeliveryOnly { sides, .. } => *sides,
            Finding::SidesDiffer { sides, .. } => Some(*sides),
            Finding::TypologyGaps { .. }
            | Finding::WeakPrinciple { .. }
            | Finding::ItemSeenDifferently { .. } => None,
        }
    }
}

/// The different cases the two sides place one relationship in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CasesBySide {
    pub council: DeliveryCase,
    pub vcs: DeliveryCase,
}

/// The sides' cases when council and VCS place a relationship in
/// different cases of the toolkit.
pub fn sides_cases(cases: &CaseBySide) -> Option<CasesBySide> {
    let (Some(council), Some(vcs)) = (cases.council, cases.vcs) else {
        return None;
    };
    (council != vcs).then_some(CasesBySide { council, vcs })
}

/// Suggests what the plan could focus on, from figures that are shown only
/// (the results hold nothing else). Each kind of finding has a weight, and
/// the areas are listed heaviest first, at most [`MAX_FOCUS_AREAS`]; equal
/// weights keep the order of the list below.
///
/// - **Typology gaps** (once at least one relationship is registered): one
///   area naming every type with no relationship, weight 1 + ¼ for each
///   missing type after the first.
/// - **Strategic in intent, not in delivery**: a relationship meant to be
///   strategic whose all-voters score is under 46, weight 1 + (46 − score) /
///   15 — one more for each scale point the average item falls short.
/// - **Strategic in delivery, not in intent**: weight ¾; the toolkit asks that
///   such delivery is understood and valued at a strategic level.
/// - **Weak principles**: for each principle, the relationships whose
///   all-voters sub-score is under 9 of 15; weight ½ + (9 − lowest) / 3.
/// - **The sides place a relationship in different cases** while the overall
///   case needs no focus (both or neither): weight ¾. Where the overall case
///   has an area, its detail says how the sides differ instead.
/// - **Council and VCS see it differently**: each item whose verdict is
///   differs or diverges, weight |gap| in scale points; the detail says
///   whether it is a clear difference or could be chance. At most three, and
///   among them a divergence that could be chance ranks after a clear one of
///   similar size (a gap at most [`SIMILAR_GAP_WITHIN`] smaller): the
///   divergences keep the places their weights give them, but fill them in
///   that order, so a clear one can take the place of a slightly larger one
///   that could be chance.
pub fn suggest_focus_areas(
    toolkit: &Toolkit,
    benefits: Option<&AssessmentResults>,
    relationships: &[RelationshipResults],
    map: &RelationshipMap,
) -> Vec<FocusArea> {
    let mut areas = Vec::new();

    let gaps = &map.gaps;
    if !relationships.is_empty() && !gaps.is_empty() {
        areas.push(FocusArea {
            consideration_key: TYPOLOGY_GAPS.to_owned(),
            finding: Finding::TypologyGaps {
                types: gaps.clone(),
            },
            weight: 1.0 + 0.25 * (gaps.len() - 1) as f64,
            certainty: None,
        });
    }

    let strategic_from = toolkit.strategic_delivery_from();
    for relationship in relationships {
        let Some(strategic) = &relationship.strategic else {
            continue;
        };
        let (Some(case), Some(score)) = (strategic.case, &strategic.score.all) else {
            continue;
        };
        let relationship = relationship.relationship.details.name.clone();
        let score = score.score;
        let sides = sides_cases(&strategic.case_by_side);
        let (finding, weight) = match case {
            DeliveryCase::IntentOnly => (
                Finding::IntentOnly {
                    relationship,
                    score,
                    target: strategic_from,
                    sides,
                },
                1.0 + f64::from(strategic_from.saturating_sub(score)) / 15.0,
            ),
            DeliveryCase::DeliveryOnly => (
                Finding::DeliveryOnly {
                    relationship,
                    score,
                    sides,
                },
                0.75,
            ),
            DeliveryCase::Both | DeliveryCase::Neither => match sides {
                Some(sides) => (
                    Finding::SidesDiffer {
                        relationship,
                        score,
                        sides,
                    },
                    SIDES_DIFFER_WEIGHT,
                ),
                None => continue,
            },
        };
        areas.push(FocusArea {
            consideration_key: SUPPORT_TO_STRATEGIC.to_owned(),
            finding,
            weight,
            certainty: None,
        });
    }

    areas.extend(weak_principles(relationships));
    // Differences between the sides are many; a few of the largest leave
    // room for the toolkit's other considerations.
    let mut divergent = divergent_items(benefits, relationships);
    divergent.sort_by(divergences_in_rank);
    areas.extend(divergent.into_iter().take(MAX_DIVERGENT_FOCUS_AREAS));

    // A stable sort keeps equal weights in the order of the kinds above.
    areas.sort_by(|a, b| {
        if (a.weight - b.weight).abs() < 1e-9 {
            Ordering::Equal
        } else {
            b.weight.total_cmp(&a.weight)
        }
    });
    areas.truncate(MAX_FOCUS_AREAS);
    rank_divergences_in_their_places(&mut areas);
    areas.truncate(MAX_FOCUS_AREAS);
    areas
}

/// The weight a divergence ranks by among the divergences: a difference
/// that could be chance counts as if its gap were [`SIMILAR_GAP_WITHIN`]
/// smaller.
fn rank_weight(area: &FocusArea) -> f64 {
    match area.certainty {
        Some(Certainty::CouldBeChance) => area.weight - SIMILAR_GAP_WITHIN,
        _ => area.weight,
    }
}

/// Heaviest rank weight first; on a tie the clear difference first.
fn divergences_in_rank(a: &FocusArea, b: &FocusArea) -> Ordering {
    let not_clear = |area: &FocusArea| area.certainty != Some(Certainty::Clear);
    if (rank_weight(a) - rank_weight(b)).abs() < 1e-9 {
        not_clear(a).cmp(&not_clear(b))
    } else {
        rank_weight(b).total_cmp(&rank_weight(a))
    }
}

/// Reorders the divergences among the places they hold in `areas`, so a
/// clear one comes before one of similar size that could be chance; the
/// other kinds of area stay where they are.
fn rank_divergences_in_their_places(areas: &mut [FocusArea]) {
    let places: Vec<usize> = (0..areas.len())
        .filter(|&index| areas[index].certainty.is_some())
        .collect();
    let mut divergences: Vec<FocusArea> =
        places.iter().map(|&index| areas[index].clone()).collect();
    divergences.sort_by(divergences_in_rank);
    for (index, area) in places.into_iter().zip(divergences) {
        areas[index] = area;
    }
}

fn weak_principles(relationships: &[RelationshipResults]) -> Vec<FocusArea> {
    // Principles in the order the first scored relationship lists them.
    let Some(first) = relationships.iter().find_map(|r| r.strategic.as_ref()) else {
        return Vec::new();
    };
    first
        .principles
        .iter()
        .filter_map(|principle| {
            let mut weak: Vec<(String, u32)> = relationships
                .iter()
                .filter_map(|r| {
                    let found = r
                        .strategic
                        .as_ref()?
                        .principles
                        .iter()
                        .find(|p| p.key == principle.key)?;
                    let sub = found.score.all.as_ref()?;
                    (sub.score < WEAK_PRINCIPLE_BELOW)
                        .then(|| (r.relationship.details.name.clone(), sub.score))
                })
                .collect();
            weak.sort_by_key(|(_, score)| *score);
            let lowest = weak.first()?.1;
            Some(FocusArea {
                consideration_key: IMPROVE_STRATEGIC.to_owned(),
                finding: Finding::WeakPrinciple {
                    principle: principle.name.clone(),
                    below: WEAK_PRINCIPLE_BELOW,
                    relationships: weak,
                },
                weight: 0.5 + f64::from(WEAK_PRINCIPLE_BELOW.saturating_sub(lowest)) / 3.0,
                certainty: None,
            })
        })
        .collect()
}

fn divergent_items(
    benefits: Option<&AssessmentResults>,
    relationships: &[RelationshipResults],
) -> Vec<FocusArea> {
    let mut rounds: Vec<(Option<&str>, &AssessmentResults)> =
        benefits.map(|b| (None, b)).into_iter().collect();
    for relationship in relationships {
        let name = Some(relationship.relationship.details.name.as_str());
        if let Some(questions) = &relationship.questions {
            rounds.push((name, questions));
        }
        if let Some(strategic) = &relationship.strategic {
            rounds.push((name, &strategic.round));
        }
    }
    let mut areas = Vec::new();
    for (relationship, round) in rounds {
        for item in &round.items {
            let (Some(comparison), Some(council), Some(vcs)) =
                (&item.comparison, &item.stats.council, &item.stats.vcs)
            else {
                continue;
            };
            if comparison.verdict == Verdict::Aligned {
                continue;
            }
            areas.push(FocusArea {
                consideration_key: item_consideration(&item.item).to_owned(),
                finding: Finding::ItemSeenDifferently {
                    item: item.short.clone(),
                    relationship: relationship.map(str::to_owned),
                    council: council.mean,
                    vcs: vcs.mean,
                    comparison: *comparison,
                    significance: item.significance,
                },
                weight: comparison.gap.abs(),
                certainty: item.significance.map(|s| s.certainty()),
            });
        }
    }
    areas
}

#[cfg(test)]
mod tests;
