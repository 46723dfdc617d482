"""Commands of this module are being written; see issue tracker."""
