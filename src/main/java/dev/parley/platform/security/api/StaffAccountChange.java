package dev.parley.platform.security.api;

import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PATCH /api/v1/admin/staff/{username}}: only the fields given change. */
public class StaffAccountChange {

    @Size(max = 128)
    public String password;

    public List<String> roles;

    public Boolean enabled;
}
