package cn.liaocheng.renewal.operations;

/**
 * A request body that replaces a whole record: a field it does not have is refused by
 * name rather than ignored ({@code WholeJson}).
 */
public interface WholeRecord {

}
