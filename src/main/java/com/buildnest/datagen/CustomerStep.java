package com.buildnest.datagen;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customer accounts with Indian names, mobile numbers and e-mail addresses at example.com (a
 * domain reserved for examples, so no mail can reach a real person), all with one password hashed
 * once, and their address books: zero to three addresses each (home, site, office, godown) in real
 * cities with their state and PIN code area, some with a valid GSTIN for business billing.
 */
final class CustomerStep implements GeneratorStep {

    private static final int CHUNK = 500;
    private static final int DISABLED_PERCENT = 1;
    private static final long TWO_YEARS_SECONDS = 2L * 365 * 24 * 3600;
    private static final String BASE_36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final List<String> FIRST_NAMES = List.of("Aarav", "Aditi", "Akash", "Ananya", "Anil", "Anjali",
            "Arjun", "Deepa", "Divya", "Farhan", "Gaurav", "Harpreet", "Imran", "Ishaan", "Kavya", "Karthik", "Lakshmi",
            "Manoj", "Meera", "Mohammed", "Neha", "Nikhil", "Pooja", "Pradeep", "Priya", "Rahul", "Rajesh", "Ramesh",
            "Ravi", "Rekha", "Rohan", "Sandeep", "Sanjay", "Shreya", "Simran", "Sneha", "Srinivas", "Sunita", "Suresh",
            "Tanvi", "Usha", "Varun", "Vijay", "Vikram", "Yash", "Zoya", "Gurpreet", "Joseph", "Mary", "Thomas");
    private static final List<String> LAST_NAMES = List.of("Sharma", "Verma", "Patel", "Reddy", "Nair", "Iyer",
            "Gupta", "Singh", "Kumar", "Rao", "Das", "Banerjee", "Chatterjee", "Mukherjee", "Joshi", "Kulkarni",
            "Deshpande", "Pillai", "Menon", "Naidu", "Shetty", "Hegde", "Khan", "Qureshi", "Sheikh", "Fernandes",
            "D'Souza", "Gill", "Sandhu", "Chauhan", "Yadav", "Mishra", "Pandey", "Tiwari", "Agarwal", "Jain", "Mehta",
            "Shah", "Desai", "Bhat", "Murthy", "Krishnan", "Subramanian", "Ghosh", "Bose", "Saxena", "Malhotra");
    private static final List<String> LABELS = List.of("Home", "Site", "Office", "Godown");
    private static final List<String> BUILDINGS = List.of("Sai Residency", "Green Park Apartments", "Lakshmi Nilaya",
            "Shanti Towers", "Prestige Enclave", "Sunrise Villas", "Krishna Complex", "Royal Heights");
    private static final List<String> LANDMARKS = List.of("Near Hanuman Temple", "Opposite Government School",
            "Behind Bus Stand", "Near Water Tank", "Next to SBI Branch", "Near Railway Crossing", "Opposite Petrol Pump");

    /** A city where accounts live: its state, GST state code, PIN code area and localities. */
    private record City(String name, String state, String stateName, String gstStateCode, String pinPrefix,
            List<String> localities) {
    }

    private final String passwordHash;
    private final List<City> cities = TabSeparated.rows("cities.tsv", 6).stream()
            .map(row -> new City(row[0], row[1], row[2], row[3], row[4], TabSeparated.list(row[5], "|"))).toList();

    CustomerStep(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    @Override
    public String name() {
        return "customers";
    }

    @Override
    public Set<String> requires() {
        return Set.of();
    }

    @Override
    public String unit() {
        return "accounts";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.users();
    }

    /**
     * One account in this many (the first of each run of them) also has the STAFF role: the shop's
     * staff, who pack, ship and deliver the generated orders and receive their returns.
     */
    static final int ACCOUNTS_PER_STAFF = 2000;

    @Override
    public void generate(StepContext context) throws SQLException {
        long numberedAfter = context.number("SELECT COUNT(*) FROM customer_account");
        for (int start = 0; start < context.options.users(); start += CHUNK) {
            int end = Math.min(start + CHUNK, context.options.users());
            List<String> usernames = new ArrayList<>();
            Map<String, String[]> people = new HashMap<>();
            Map<String, Boolean> enabled = new HashMap<>();
            try (BatchInsert accounts = context.insert("customer_account", "username", "email", "password_hash",
                    "full_name", "phone", "enabled", "created_at", "version")) {
                for (int i = start; i < end; i++) {
                    String first = context.pick(FIRST_NAMES);
                    String last = context.pick(LAST_NAMES);
                    String username = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "")
                            + (numberedAfter + i + 1);
                    String phone = mobile(context);
                    usernames.add(username);
                    people.put(username, new String[] { first + " " + last, phone, last });
                    enabled.put(username, !context.chance(DISABLED_PERCENT));
                    accounts.add(username, username + "@example.com", passwordHash, first + " " + last, phone,
                            enabled.get(username), StepContext.AS_OF.minusSeconds(
                                    context.between(0, TWO_YEARS_SECONDS)), 0L);
                }
            }
            Map<String, Long> ids = context.idsByKey("customer_account", "username", usernames);
            Map<Long, List<GeneratedData.Address>> written = new HashMap<>();
            try (BatchInsert roles = context.insert("customer_account_role", "account_id", "role");
                    BatchInsert addresses = context.insert("customer_address", "account_id", "label", "recipient_name",
                            "phone", "line1", "line2", "landmark", "city", "state", "pin_code", "gstin", "is_default",
                            "created_at", "version")) {
                for (int n = 0; n < usernames.size(); n++) {
                    String username = usernames.get(n);
                    long id = ids.get(username);
                    roles.add(id, "CUSTOMER");
                    if ((start + n) % ACCOUNTS_PER_STAFF == 0) {
                        roles.add(id, "STAFF");
                        context.data.staffAccountIds.add(id);
                    }
                    String[] person = people.get(username);
                    long count = addressCount(context);
                    for (int a = 0; a < count; a++) {
                        written.computeIfAbsent(id, account -> new ArrayList<>())
                                .add(addAddress(context, addresses, id, a == 0, person));
                    }
                }
            }
            Map<Long, List<Long>> addressIds = addressIds(context, List.copyOf(ids.values()));
            for (String username : usernames) {
                long id = ids.get(username);
                List<Long> addressIdsOfAccount = addressIds.getOrDefault(id, List.of());
                List<GeneratedData.Address> details = written.getOrDefault(id, List.of());
                List<GeneratedData.Address> withIds = new ArrayList<>();
                for (int n = 0; n < details.size(); n++) {
                    GeneratedData.Address address = details.get(n);
                    withIds.add(new GeneratedData.Address(addressIdsOfAccount.get(n), address.recipientName(),
                            address.phone(), address.line1(), address.line2(), address.landmark(), address.city(),
                            address.stateGstCode(), address.stateName(), address.pinCode(), address.gstin()));
                }
                context.data.accounts.add(new GeneratedData.Account(id, enabled.get(username), withIds));
            }
            context.advance(end - start);
        }
    }

    /** Writes an address and answers it as an order would copy it (its id not yet known). */
    private GeneratedData.Address addAddress(StepContext context, BatchInsert addresses, long accountId,
            boolean isDefault, String[] person) throws SQLException {
        City city = context.pick(cities);
        String label = context.pick(LABELS);
        boolean business = !label.equals("Home") && context.chance(40);
        String line1 = context.chance(50)
                ? "Flat %d, %s".formatted(context.between(1, 14) * 100 + context.between(1, 8), context.pick(BUILDINGS))
                : "No. %d, %s Cross".formatted(context.between(1, 250), ordinal(context.between(1, 12)));
        String phone = context.chance(80) ? person[1] : mobile(context);
        String line2 = context.pick(city.localities());
        String landmark = context.chance(50) ? context.pick(LANDMARKS) : null;
        String pin = city.pinPrefix() + "%03d".formatted(context.between(1, 99));
        String gstin = business ? gstin(context, city.gstStateCode(), person[2]) : null;
        addresses.add(accountId, label, person[0], phone, line1, line2, landmark, city.name(), city.state(), pin, gstin,
                isDefault, StepContext.AS_OF.minusSeconds(context.between(0, TWO_YEARS_SECONDS)), 0L);
        return new GeneratedData.Address(0, person[0], phone, line1, line2, landmark, city.name(), city.gstStateCode(),
                city.stateName(), pin, gstin);
    }

    /** Ids of the accounts' addresses in the order written, the default first. */
    private static Map<Long, List<Long>> addressIds(StepContext context, List<Long> accountIds) throws SQLException {
        Map<Long, List<Long>> ids = new HashMap<>();
        String sql = "SELECT id, account_id FROM customer_address WHERE account_id IN ("
                + String.join(", ", Collections.nCopies(accountIds.size(), "?")) + ") ORDER BY id";
        try (PreparedStatement select = context.connection().prepareStatement(sql)) {
            for (int i = 0; i < accountIds.size(); i++) {
                select.setLong(i + 1, accountIds.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.computeIfAbsent(rows.getLong(2), account -> new ArrayList<>()).add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** One in five has no address yet; most have one; some keep a site and an office too. */
    private static long addressCount(StepContext context) {
        int roll = context.random.nextInt(100);
        return roll < 20 ? 0 : roll < 70 ? 1 : roll < 90 ? 2 : 3;
    }

    private static String mobile(StepContext context) {
        return "+91" + context.between(6, 9) + "%09d".formatted(context.between(0, 999_999_999));
    }

    /**
     * A well-formed GSTIN: the state code, a PAN (three letters, C for company or F for firm, the
     * initial of the name, four digits, a letter), the registration number 1, Z, and GSTN's check
     * character.
     */
    static String gstin(StepContext context, String stateCode, String surname) {
        StringBuilder pan = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            pan.append((char) ('A' + context.random.nextInt(26)));
        }
        pan.append(context.chance(50) ? 'C' : 'F').append(Character.toUpperCase(surname.charAt(0)))
                .append("%04d".formatted(context.between(1, 9999))).append((char) ('A' + context.random.nextInt(26)));
        String first14 = stateCode + pan + "1Z";
        return first14 + checkCharacter(first14);
    }

    /** GSTN's check character: base-36 digits weighted 1, 2, 1, 2…, products folded, to a multiple of 36. */
    static char checkCharacter(String first14) {
        int total = 0;
        for (int i = 0; i < first14.length(); i++) {
            int product = BASE_36.indexOf(first14.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            total += product / 36 + product % 36;
        }
        return BASE_36.charAt((36 - total % 36) % 36);
    }

    private static String ordinal(long n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }
}
