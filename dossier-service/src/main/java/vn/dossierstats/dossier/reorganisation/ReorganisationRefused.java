package vn.dossierstats.dossier.reorganisation;

import java.util.List;

/** A well-formed reorganisation that cannot apply to the catalogue as it stands (answered 422). */
class ReorganisationRefused extends RuntimeException {

    private final List<ReorganisationRules.Problem> problems;

    ReorganisationRefused(List<ReorganisationRules.Problem> problems) {
        super(
                problems.size() == 1
                        ? problems.getFirst().field() + ": "
                                + problems.getFirst().reason()
                        : problems.size() + " problems: " + problems.getFirst().field() + ": "
                                + problems.getFirst().reason() + ", ...");
        this.problems = List.copyOf(problems);
    }

    List<ReorganisationRules.Problem> problems() {
        return problems;
    }
}
