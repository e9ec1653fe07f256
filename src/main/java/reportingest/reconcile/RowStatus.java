package reportingest.reconcile;

public enum RowStatus { ACCEPTED, NEEDS_REVIEW }
