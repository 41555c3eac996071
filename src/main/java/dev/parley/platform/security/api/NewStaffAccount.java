package dev.parley.platform.security.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/admin/staff}. A class with fields rather than a record: Payara's OpenAPI
 * scanner fails on Bean Validation annotations placed on record components.
 */
public class NewStaffAccount {

    @NotBlank
    @Size(max = 64)
    public String username;

    @Size(max = 128)
    public String displayName;

    @NotBlank
    @Size(max = 128)
    public String password;

    @NotEmpty
    public List<String> roles;
}
